package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The broker adapter kit: the scenarios every remote broker's adapter must pass, each run against
 * that broker's stand-in — place, the broker's news filling it, a partial fill found by polling,
 * modify, cancel, the broker's refusal, a lost answer, an ended session. A third broker is an
 * adapter, a stand-in, and a subclass that says how to drive the stand-in ({@link Venue}); the
 * scenarios stay as they are. (A crash between sending and saving is proven per broker where a
 * server of its own can be killed: {@code KiteCrashIT}.)
 */
abstract class RemoteBrokerKit {

  /** What the kit asks of a broker's stand-in, for one trader's app there. */
  interface Venue {
    /** The pseudo account the trader's broker account has. */
    String account();

    /** A fresh trader whose account at this broker is logged in today. */
    Trader loggedInTrader();

    /** The broker's ids of the orders this trader's app sent, oldest first. */
    List<String> ordersAtBroker();

    /** Whether the broker's own book says the order is cancelled. */
    boolean cancelledAtBroker(String brokerOrderId);

    /** The order's quantity in the broker's own book. */
    int quantityAtBroker(String brokerOrderId);

    /** The exchange fills the order, and the broker sends its news (postback, webhook). */
    void fillWithNews(String brokerOrderId, BigDecimal price);

    /** The exchange fills part of the order, and no news comes. */
    void fillQuietly(String brokerOrderId, int quantity, BigDecimal price);

    /** The broker refuses the next placement in these words. */
    void refuseNext(String words);

    /** The broker answers placements this late (after taking the order). */
    void slowPlacements(long millis);

    /** Every session at the broker ends, as each morning. */
    void endSessions();

    /** Requests the broker would have refused; none is allowed. */
    List<String> violations();
  }

  /** The subclass's venue, built once its stand-in is known. */
  protected abstract Venue venue();

  @Test
  void anOrderIsSentOnceAndTheBrokersNewsFillsItIntoATrade() {
    Venue venue = venue();
    Trader trader = venue.loggedInTrader();
    Api.Reply placed = place(venue, trader, 5, "470.00");
    assertEquals(201, placed.status(), placed.toString());
    assertEquals("OPEN", placed.json().getString("status"));
    List<String> atBroker = venue.ordersAtBroker();
    assertEquals(1, atBroker.size(), "exactly one order at the broker");
    assertEquals(atBroker.get(0), placed.json().getString("brokerOrderId"));

    venue.fillWithNews(atBroker.get(0), new BigDecimal("469.95"));

    JsonObject filled = order(trader, placed.json().getString("orderId"));
    assertEquals("COMPLETE", filled.getString("status"), filled.toString());
    assertEquals(5, filled.getInt("filledQuantity"));
    assertEquals(
        5,
        get(trader, "/api/v1/trades?account=" + venue.account())
            .array()
            .getJsonObject(0)
            .getInt("quantity"));
    assertEquals(List.of(), venue.violations());
  }

  @Test
  void aPartialFillWithoutNewsIsFoundByPollingAndTheRestKeepsWorking() throws InterruptedException {
    Venue venue = venue();
    Trader trader = venue.loggedInTrader();
    String orderId = place(venue, trader, 10, "470.00").json().getString("orderId");
    venue.fillQuietly(venue.ordersAtBroker().get(0), 4, new BigDecimal("469.90"));

    JsonObject now = awaitOrder(trader, orderId, o -> o.getInt("filledQuantity") > 0);
    assertEquals(4, now.getInt("filledQuantity"), now.toString());
    assertEquals("OPEN", now.getString("status"));
    assertEquals(6, now.getInt("pendingQuantity"));
  }

  @Test
  void aChangeAndACancelAreMadeAtTheBrokerFirst() {
    Venue venue = venue();
    Trader trader = venue.loggedInTrader();
    String orderId = place(venue, trader, 5, "470.00").json().getString("orderId");
    String atBroker = venue.ordersAtBroker().get(0);

    Api.Reply changed =
        trader
            .browser
            .fresh()
            .patch(
                "/api/v1/orders/" + orderId,
                Api.json("quantity", 8, "price", new BigDecimal("468.50")),
                "X-API-Key",
                trader.firstKey);
    assertEquals(200, changed.status(), changed.toString());
    assertEquals(8, changed.json().getInt("quantity"));
    assertEquals(8, venue.quantityAtBroker(atBroker));

    Api.Reply cancelled =
        trader.browser.fresh().delete("/api/v1/orders/" + orderId, "X-API-Key", trader.firstKey);
    assertEquals(200, cancelled.status(), cancelled.toString());
    assertEquals("CANCELLED", cancelled.json().getString("status"));
    assertTrue(venue.cancelledAtBroker(atBroker));
    assertEquals(List.of(), venue.violations());
  }

  @Test
  void theBrokersRefusalIs422InItsOwnWordsAndTheOrderIsKeptRejected() {
    Venue venue = venue();
    Trader trader = venue.loggedInTrader();
    venue.refuseNext("Insufficient funds. Required margin is 2352.50.");
    Api.Reply refused = place(venue, trader, 5, "470.00");
    assertEquals(422, refused.status(), refused.toString());
    assertEquals("ORDER_REJECTED", refused.code());
    assertEquals(
        "Insufficient funds. Required margin is 2352.50.", refused.json().getString("detail"));
    JsonObject kept =
        get(trader, "/api/v1/orders?account=" + venue.account()).array().getJsonObject(0);
    assertEquals("REJECTED", kept.getString("status"), kept.toString());
  }

  @Test
  void aLostAnswerLeavesTheOrderPendingAndALookUpSettlesItWithOneOrderAtTheBroker()
      throws InterruptedException {
    Venue venue = venue();
    Trader trader = venue.loggedInTrader();
    venue.slowPlacements(3_000);
    Api.Reply lost;
    try {
      lost = place(venue, trader, 5, "470.00");
    } finally {
      venue.slowPlacements(0);
    }
    assertEquals(502, lost.status(), lost.toString());
    assertEquals("BROKER_UNAVAILABLE", lost.code());
    JsonObject pending =
        get(trader, "/api/v1/orders?account=" + venue.account()).array().getJsonObject(0);
    assertEquals("PENDING", pending.getString("status"));

    JsonObject settled =
        awaitOrder(
            trader, pending.getString("orderId"), o -> !o.getString("status").equals("PENDING"));
    assertEquals("OPEN", settled.getString("status"), settled.toString());
    assertEquals(List.of(settled.getString("brokerOrderId")), venue.ordersAtBroker());
  }

  @Test
  void anEndedSessionSendsNothingTheAccountNeedsALoginAndTheTraderIsTold() {
    Venue venue = venue();
    Trader trader = venue.loggedInTrader();
    venue.endSessions();
    Api.Reply refused = place(venue, trader, 5, "470.00");
    assertEquals(422, refused.status(), refused.toString());
    assertTrue(refused.json().getString("detail").contains("Log in to broker"), refused.toString());
    assertEquals(List.of(), venue.ordersAtBroker(), "nothing sent");
    JsonObject account =
        get(trader, "/api/v1/trading-accounts").array().getValuesAs(JsonObject.class).stream()
            .filter(a -> a.getString("pseudoAccount").equals(venue.account()))
            .findFirst()
            .orElseThrow();
    assertEquals("LOGIN_REQUIRED", account.getString("validationStatus"));
    assertTrue(
        trader.browser.get("/api/v1/security/events").body().contains("BROKER_LOGIN_REQUIRED"));
  }

  // --- helpers

  private static Api.Reply place(Venue venue, Trader trader, int quantity, String price) {
    return trader
        .browser
        .fresh()
        .post(
            "/api/v1/orders",
            Api.json(
                "account",
                venue.account(),
                "exchange",
                "NSE",
                "symbol",
                "SBIN",
                "side",
                "BUY",
                "quantity",
                quantity,
                "orderType",
                "LIMIT",
                "price",
                new BigDecimal(price),
                "productType",
                "INTRADAY"),
            "X-API-Key",
            trader.firstKey);
  }

  private static JsonObject order(Trader trader, String orderId) {
    return get(trader, "/api/v1/orders/" + orderId).json();
  }

  /** Polls the order (a second apart, at most 40 s) until it is as {@code done} says. */
  private static JsonObject awaitOrder(Trader trader, String orderId, Predicate<JsonObject> done)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
    JsonObject now = order(trader, orderId);
    while (!done.test(now) && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
      now = order(trader, orderId);
    }
    return now;
  }

  private static Api.Reply get(Trader trader, String path) {
    Api.Reply reply = trader.browser.fresh().get(path, "X-API-Key", trader.firstKey);
    assertEquals(200, reply.status(), reply.toString());
    return reply;
  }
}
