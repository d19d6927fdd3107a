package io.tradebridge.copying.boundary;

import io.tradebridge.accounts.boundary.TradingAccounts;
import io.tradebridge.accounts.entity.TradingAccount;
import io.tradebridge.common.control.ProblemCode;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.copying.control.CopyIds;
import io.tradebridge.copying.control.CopyPlan;
import io.tradebridge.copying.control.CopyStep;
import io.tradebridge.copying.entity.CopyAction;
import io.tradebridge.copying.entity.CopyOutcome;
import io.tradebridge.copying.entity.CopyRecord;
import io.tradebridge.copying.entity.CopyRule;
import io.tradebridge.market.entity.Exchange;
import io.tradebridge.orders.boundary.Brokers;
import io.tradebridge.orders.boundary.ElsewhereOrders;
import io.tradebridge.orders.boundary.OrderPatch;
import io.tradebridge.orders.boundary.OrderPlacement;
import io.tradebridge.orders.boundary.Orders;
import io.tradebridge.orders.boundary.Outcome;
import io.tradebridge.orders.boundary.Placed;
import io.tradebridge.orders.entity.Order;
import io.tradebridge.orders.entity.OrderLineage;
import io.tradebridge.orders.entity.OrderRequest;
import io.tradebridge.protection.boundary.SecurityEvents;
import io.tradebridge.protection.entity.SecurityEventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Copies masters' orders to their children (API.md, "Groups and copy trading"), off every request
 * path: it looks at the masters' orders written since its last look — placed through Tradebridge or
 * at the paper exchange's ticket, or reported by a broker — asks {@link CopyPlan} what each rule
 * wants, and does it through the same order placement, changes and cancels as any order. One
 * child's refusal is that child's line in the log, never the master's or another child's.
 *
 * <p>Nothing is copied twice: a copy's client order id is derived from the master order, the child
 * and the piece, so placing it again (after a restart between the placement and its log line) meets
 * the first answer; and a child with a PLACE line in the log is not placed again. Only the {@link
 * CopyDesk}'s thread calls {@link #sweep}.
 */
@ApplicationScoped
public class Copier {

  /** How far back the first look after a start reaches: a day's orders. */
  static final Duration FIRST_LOOK = Duration.ofDays(1);

  /**
   * How far each look reaches before the last one: an order committed a little after it was written
   * (another server's clock, a slow transaction) is still seen.
   */
  static final Duration SLACK = Duration.ofSeconds(10);

  /**
   * How often a master at a remote broker has its order book read for orders placed at the broker's
   * own terminal: its postbacks tell only of orders Tradebridge placed.
   */
  static final Duration ELSEWHERE_EVERY = Duration.ofSeconds(5);

  /** Failures in a row for one child before the user hears of it as a security event. */
  static final int FAILURES_TO_REPORT = 3;

  private static final Logger LOG = Logger.getLogger(Copier.class.getName());

  @Inject CopyReads reads;
  @Inject CopyLog log;
  @Inject TradingAccounts accounts;
  @Inject Brokers brokers;
  @Inject OrderPlacement placement;
  @Inject Orders orders;
  @Inject ElsewhereOrders elsewhere;
  @Inject SecurityEvents events;
  @Inject Clock clock;

  /** Master order id → the version of it last handled: an order that did not change is skipped. */
  private final Map<String, Long> handled = new HashMap<>();

  /** "rule|child" → failures in a row. */
  private final Map<String, Integer> failures = new HashMap<>();

  private Instant lookedUntil;

  private Instant nextElsewhereLook = Instant.EPOCH;

  /**
   * One look at the masters' orders.
   *
   * @return how many copy steps were taken
   */
  public int sweep() {
    Instant started = clock.instant();
    Instant since = lookedUntil == null ? started.minus(FIRST_LOOK) : lookedUntil.minus(SLACK);
    Map<String, List<CopyRule>> rulesByMaster = new HashMap<>();
    Map<String, TradingAccount> masterAccounts = new HashMap<>();
    for (CopyRule rule : reads.rules()) {
      accounts
          .findByPseudoAccount(rule.userId(), rule.master())
          .ifPresent(
              m -> {
                masterAccounts.put(m.id(), m);
                rulesByMaster.computeIfAbsent(m.id(), k -> new ArrayList<>()).add(rule);
              });
    }
    if (rulesByMaster.isEmpty()) {
      handled.clear();
      lookedUntil = started;
      return 0;
    }
    if (!started.isBefore(nextElsewhereLook)) {
      nextElsewhereLook = started.plus(ELSEWHERE_EVERY);
      masterAccounts.values().forEach(this::adoptElsewhere);
    }
    List<Order> written = reads.changed(rulesByMaster.keySet(), since);
    // What left the window is never looked at again: forget it.
    Set<String> inWindow = new HashSet<>();
    written.forEach(o -> inWindow.add(o.id()));
    handled.keySet().retainAll(inWindow);
    List<Order> masters =
        written.stream().filter(o -> !Objects.equals(handled.get(o.id()), o.version())).toList();
    if (masters.isEmpty()) {
      lookedUntil = started;
      return 0;
    }
    List<String> ids = masters.stream().map(Order::id).toList();
    Map<String, List<Order>> copies = new HashMap<>();
    for (Order copy : reads.copiesOf(ids)) {
      copies.computeIfAbsent(copy.lineage().copiedFrom(), k -> new ArrayList<>()).add(copy);
    }
    Map<String, Set<String>> placed = new HashMap<>();
    for (CopyRecord r : reads.placedFor(ids)) {
      placed
          .computeIfAbsent(r.masterOrderId() + "|" + r.ruleId(), k -> new HashSet<>())
          .add(key(r.child()));
    }
    int steps = 0;
    for (Order master : masters) {
      boolean settled = true;
      for (CopyRule rule : rulesByMaster.get(master.accountId())) {
        if (!rule.userId().equals(master.userId())) {
          continue;
        }
        List<CopyStep> todo =
            CopyPlan.steps(
                rule,
                master,
                copies.getOrDefault(master.id(), List.of()),
                placed.getOrDefault(master.id() + "|" + rule.id(), Set.of()),
                child -> lots(rule.userId(), child, master));
        steps += todo.size();
        settled &= carryOut(rule, master, todo);
      }
      if (settled) {
        handled.put(master.id(), master.version());
      }
    }
    lookedUntil = started;
    return steps;
  }

  /** The master's orders placed at its broker's own terminal, into our book (and so copied). */
  private void adoptElsewhere(TradingAccount master) {
    try {
      elsewhere.adopt(master);
    } catch (RuntimeException e) {
      // No session at the broker today, the broker unreachable: the next look tries again.
      LOG.log(
          Level.FINE,
          "orders placed elsewhere on {0} could not be read: {1}",
          new Object[] {master.pseudoAccount(), e.toString()});
    }
  }

  /** False when a step must be tried again (the server was stopping). */
  private boolean carryOut(CopyRule rule, Order master, List<CopyStep> steps) {
    if (steps.isEmpty()) {
      return true;
    }
    List<CopyLog.Line> lines = new ArrayList<>();
    boolean settled = place(rule, master, steps, lines);
    for (CopyStep step : steps) {
      if (step instanceof CopyStep.Skip skip) {
        lines.add(
            line(
                rule,
                master,
                skip.child(),
                skip.action(),
                CopyOutcome.SKIPPED,
                List.of(),
                skip.why()));
      } else if (step instanceof CopyStep.Modify modify) {
        lines.add(modify(rule, master, modify));
      } else if (step instanceof CopyStep.Cancel cancel) {
        lines.add(cancel(rule, master, cancel));
      }
    }
    log.write(lines);
    return settled;
  }

  /** Every child's copy of the master order, all in one hand-over to the order desk. */
  private boolean place(
      CopyRule rule, Order master, List<CopyStep> steps, List<CopyLog.Line> lines) {
    List<CopyStep.Place> places = new ArrayList<>();
    List<OrderRequest> requests = new ArrayList<>();
    for (CopyStep step : steps) {
      if (step instanceof CopyStep.Place place) {
        places.add(place);
        for (int i = 0; i < place.pieces().size(); i++) {
          requests.add(
              copyOf(
                  master,
                  place.child(),
                  place.pieces().get(i),
                  CopyIds.of(master.id(), place.child(), i)));
        }
      }
    }
    if (places.isEmpty()) {
      return true;
    }
    List<Outcome> outcomes =
        placement.placeAll(rule.userId(), null, requests, OrderLineage.copyOf(master.id()));
    boolean settled = true;
    int at = 0;
    for (CopyStep.Place place : places) {
      List<String> childOrders = new ArrayList<>();
      String refused = null;
      boolean again = false;
      for (int i = 0; i < place.pieces().size(); i++, at++) {
        Outcome o = outcomes.get(at);
        if (o.refused() != null) {
          again |= o.refused().code() == ProblemCode.INTERNAL;
          refused =
              (place.pieces().size() > 1
                      ? "piece " + (i + 1) + " of " + place.pieces().size() + ": "
                      : "")
                  + o.refused().detail();
        } else if (o.placed() instanceof Placed.Accepted accepted) {
          childOrders.add(accepted.order().orderId());
        }
      }
      if (again) {
        // Not placed because the server is stopping: no line, so the next look places it.
        settled = false;
        continue;
      }
      String sizes =
          place.pieces().size() == 1
              ? place.pieces().get(0) + ""
              : place.pieces().size() + " orders " + place.pieces();
      lines.add(
          refused == null
              ? line(
                  rule,
                  master,
                  place.child(),
                  CopyAction.PLACE,
                  CopyOutcome.COPIED,
                  childOrders,
                  "placed " + sizes)
              : line(
                  rule,
                  master,
                  place.child(),
                  CopyAction.PLACE,
                  CopyOutcome.FAILED,
                  childOrders,
                  refused));
    }
    return settled;
  }

  private CopyLog.Line modify(CopyRule rule, Order master, CopyStep.Modify m) {
    OrderPatch patch = new OrderPatch(m.orderType(), m.quantity(), m.price(), m.triggerPrice());
    String what = describe(patch);
    try {
      orders.modify(rule.userId(), m.childOrderId(), patch, null);
      return line(
          rule,
          master,
          m.child(),
          CopyAction.MODIFY,
          CopyOutcome.COPIED,
          List.of(m.childOrderId()),
          "changed " + what);
    } catch (TradebridgeException refused) {
      return line(
          rule,
          master,
          m.child(),
          CopyAction.MODIFY,
          CopyOutcome.FAILED,
          List.of(m.childOrderId()),
          what + ": " + refused.detail());
    }
  }

  private CopyLog.Line cancel(CopyRule rule, Order master, CopyStep.Cancel c) {
    try {
      orders.cancel(
          rule.userId(), c.childOrderId(), "cancelled: its master order " + master.id() + " was");
      return line(
          rule,
          master,
          c.child(),
          CopyAction.CANCEL,
          CopyOutcome.COPIED,
          List.of(c.childOrderId()),
          "cancelled");
    } catch (TradebridgeException refused) {
      return line(
          rule,
          master,
          c.child(),
          CopyAction.CANCEL,
          CopyOutcome.FAILED,
          List.of(c.childOrderId()),
          refused.detail());
    }
  }

  private CopyLog.Line line(
      CopyRule rule,
      Order master,
      String child,
      CopyAction action,
      CopyOutcome outcome,
      List<String> childOrders,
      String message) {
    String failing = rule.id() + "|" + key(child);
    if (outcome == CopyOutcome.FAILED) {
      int inARow = failures.merge(failing, 1, Integer::sum);
      LOG.log(
          Level.WARNING,
          "copy rule {0}: {1} of master order {2} to {3} failed: {4}",
          new Object[] {rule.id(), action, master.id(), child, message});
      if (inARow == FAILURES_TO_REPORT) {
        events.recordQuietly(
            rule.userId(),
            SecurityEventType.COPY_FAILING,
            null,
            "copies from "
                + rule.master()
                + " to "
                + child
                + " failed "
                + inARow
                + " times in a row; the last: "
                + message);
      }
    } else if (outcome == CopyOutcome.COPIED) {
      failures.remove(failing);
    }
    return new CopyLog.Line(rule.id(), master.id(), child, action, outcome, childOrders, message);
  }

  /** The master's order for a child: the same instrument, side, type, prices and product. */
  private static OrderRequest copyOf(Order master, String child, int quantity, String clientId) {
    return new OrderRequest(
        child,
        Exchange.valueOf(master.exchange()),
        master.symbol(),
        master.side(),
        quantity,
        master.orderType(),
        master.productType(),
        master.price(),
        master.triggerPrice(),
        master.variety(),
        master.validity(),
        master.target(),
        master.stoploss(),
        master.trailingStoploss(),
        null,
        null,
        master.strategy(),
        master.comments(),
        clientId,
        null);
  }

  private CopyPlan.Lots lots(String userId, String child, Order master) {
    try {
      TradingAccount account = accounts.byPseudoAccount(userId, child);
      return brokers
          .of(account)
          .instrument(account, master.exchange(), master.symbol())
          .map(i -> new CopyPlan.Lots(i.lotSize(), i.freezeQuantity()))
          .orElse(new CopyPlan.Lots(1, 0));
    } catch (TradebridgeException gone) {
      // The child account is gone: placing its copy says so in the log.
      return new CopyPlan.Lots(1, 0);
    }
  }

  private static String describe(OrderPatch p) {
    List<String> parts = new ArrayList<>();
    if (p.orderType() != null) {
      parts.add("type " + p.orderType());
    }
    if (p.quantity() != null) {
      parts.add("quantity " + p.quantity());
    }
    if (p.price() != null) {
      parts.add("price " + p.price().toPlainString());
    }
    if (p.triggerPrice() != null) {
      parts.add("trigger " + p.triggerPrice().toPlainString());
    }
    return String.join(", ", parts);
  }

  private static String key(String account) {
    return account.strip().toUpperCase(Locale.ROOT);
  }
}
