package io.tradebridge.copying.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tradebridge.copying.entity.CopyAction;
import io.tradebridge.copying.entity.CopyRule;
import io.tradebridge.orders.entity.AccountShare;
import io.tradebridge.orders.entity.Order;
import io.tradebridge.orders.entity.OrderLineage;
import io.tradebridge.orders.entity.OrderType;
import io.tradebridge.orders.entity.ProductType;
import io.tradebridge.orders.entity.Side;
import io.tradebridge.orders.entity.Validity;
import io.tradebridge.orders.entity.Variety;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CopyPlanTest {

  /** 10:30 in India. */
  private static final Instant MORNING = Instant.parse("2026-12-04T05:00:00Z");

  private static final CopyPlan.Lots SHARES = new CopyPlan.Lots(1, 0);

  private static CopyRule rule(
      boolean place, boolean modify, boolean cancel, String from, String to) {
    return new CopyRule(
        "r1",
        "u",
        new CopyRule.Settings(
            "MASTER",
            List.of(
                new AccountShare("KID1", BigDecimal.ONE),
                new AccountShare("KID2", new BigDecimal("2")),
                new AccountShare("KID3", new BigDecimal("0.5"))),
            place,
            modify,
            cancel,
            from,
            to),
        MORNING.minusSeconds(3600));
  }

  private static CopyRule everything() {
    return rule(true, true, true, null, null);
  }

  private static Order order(String id, String account, int qty, String price, Instant at) {
    return new Order(
        id,
        "u",
        "acc-" + account,
        account,
        null,
        null,
        "NSE",
        "SBIN",
        Side.BUY,
        qty,
        OrderType.LIMIT,
        ProductType.INTRADAY,
        new BigDecimal(price),
        null,
        Variety.REGULAR,
        Validity.DAY,
        null,
        null,
        at);
  }

  private static Order copy(String id, String child, int qty, String price) {
    Order o = order(id, child, qty, price, MORNING);
    o.cameFrom(OrderLineage.copyOf("m1"));
    return o;
  }

  @Test
  void aNewMasterOrderIsPlacedOnEveryChildWithItsMultiplier() {
    Order master = order("m1", "MASTER", 11, "800", MORNING);
    List<CopyStep> steps = CopyPlan.steps(everything(), master, List.of(), Set.of(), c -> SHARES);
    assertEquals(
        List.of(
            new CopyStep.Place("KID1", List.of(11)),
            new CopyStep.Place("KID2", List.of(22)),
            new CopyStep.Place("KID3", List.of(5))),
        steps);
  }

  @Test
  void aChildWithAPlaceLineInTheLogIsNotPlacedAgain() {
    Order master = order("m1", "MASTER", 10, "800", MORNING);
    List<Order> copies = List.of(copy("c1", "KID1", 10, "800"), copy("c2", "KID2", 20, "800"));
    List<CopyStep> steps =
        CopyPlan.steps(everything(), master, copies, Set.of("KID1", "KID2", "KID3"), c -> SHARES);
    assertEquals(List.of(), steps, "all placed, nothing changed: nothing to do");
  }

  @Test
  void aMasterChangedChangesItsWorkingCopiesPriceAndScaledQuantity() {
    Order master = order("m1", "MASTER", 10, "800", MORNING);
    master.modify(OrderType.LIMIT, 12, new BigDecimal("805"), null, MORNING.plusSeconds(5));
    List<Order> copies = List.of(copy("c1", "KID1", 10, "800"), copy("c2", "KID2", 20, "800"));
    List<CopyStep> steps =
        CopyPlan.steps(everything(), master, copies, Set.of("KID1", "KID2", "KID3"), c -> SHARES);
    assertEquals(
        List.of(
            new CopyStep.Modify("KID1", "c1", null, 12, new BigDecimal("805"), null),
            new CopyStep.Modify("KID2", "c2", null, 24, new BigDecimal("805"), null)),
        steps);
  }

  @Test
  void aMasterCancelledCancelsTheCopiesStillWorkingAndOnlyThose() {
    Order master = order("m1", "MASTER", 10, "800", MORNING);
    master.cancel("by the trader", MORNING.plusSeconds(5));
    Order filled = copy("c2", "KID2", 20, "800");
    filled.fill(20, new BigDecimal("800"), MORNING);
    List<Order> copies = List.of(copy("c1", "KID1", 10, "800"), filled);
    List<CopyStep> steps =
        CopyPlan.steps(everything(), master, copies, Set.of("KID1", "KID2", "KID3"), c -> SHARES);
    assertEquals(List.of(new CopyStep.Cancel("KID1", "c1")), steps);
  }

  @Test
  void switchedOffChangesAndCancelsLeaveTheCopiesAlone() {
    Order master = order("m1", "MASTER", 10, "800", MORNING);
    master.cancel("by the trader", MORNING.plusSeconds(5));
    List<Order> copies = List.of(copy("c1", "KID1", 10, "800"));
    assertEquals(
        List.of(),
        CopyPlan.steps(
            rule(true, true, false, null, null),
            master,
            copies,
            Set.of("KID1", "KID2", "KID3"),
            c -> SHARES));
    assertEquals(
        List.of(),
        CopyPlan.steps(
            rule(false, true, true, null, null),
            order("m2", "MASTER", 1, "1", MORNING),
            List.of(),
            Set.of(),
            c -> SHARES),
        "places switched off: no copy, no line");
  }

  @Test
  void skippedCopiesSayWhy() {
    Order late = order("m1", "MASTER", 10, "800", MORNING.plusSeconds(6 * 3600));
    List<CopyStep> outside =
        CopyPlan.steps(
            rule(true, true, true, "09:15", "15:30"), late, List.of(), Set.of(), c -> SHARES);
    assertEquals(
        new CopyStep.Skip(
            "KID1", CopyAction.PLACE, "placed outside the rule's active window 09:15–15:30"),
        outside.get(0));

    Order one = order("m2", "MASTER", 1, "800", MORNING);
    List<CopyStep> steps =
        CopyPlan.steps(everything(), one, List.of(), Set.of("KID1", "KID2"), c -> SHARES);
    assertEquals(
        List.of(new CopyStep.Skip("KID3", CopyAction.PLACE, "1 × 0.5 is less than one lot of 1")),
        steps);

    Order rejected = order("m3", "MASTER", 10, "800", MORNING);
    rejected.reject("insufficient funds", MORNING);
    assertEquals(
        new CopyStep.Skip(
            "KID1", CopyAction.PLACE, "the master order was rejected; nothing to copy"),
        CopyPlan.steps(everything(), rejected, List.of(), Set.of(), c -> SHARES).get(0));
  }

  @Test
  void ordersFromBeforeTheRuleAndBracketLegsAreNotCopied() {
    Order before = order("m1", "MASTER", 10, "800", MORNING.minusSeconds(7200));
    assertEquals(List.of(), CopyPlan.steps(everything(), before, List.of(), Set.of(), c -> SHARES));
    Order parent = order("p", "MASTER", 10, "800", MORNING);
    Order leg = order("m2", "MASTER", 10, "820", MORNING);
    leg.legOf(parent, null);
    assertEquals(List.of(), CopyPlan.steps(everything(), leg, List.of(), Set.of(), c -> SHARES));
  }

  @Test
  void aCopyAboveTheFreezeQuantityIsPlacedInPieces() {
    Order master = order("m1", "MASTER", 1500, "100", MORNING);
    List<CopyStep> steps =
        CopyPlan.steps(
            everything(),
            master,
            List.of(),
            Set.of("KID1", "KID3"),
            c -> new CopyPlan.Lots(75, 1800));
    assertEquals(List.of(new CopyStep.Place("KID2", List.of(1800, 1200))), steps);
  }
}
