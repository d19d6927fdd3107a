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
 * The broker adapter kit: the scenarios every broker adapter must pass — the paper exchange, and
 * each remote broker against its stand-in: place, the market filling the order, a partial fill
 * nobody announced, modify, cancel, the broker's refusal. Remote brokers add what only a network
 * brings ({@link RemoteBrokerKit}: a lost answer, an ended session). A third broker is an adapter,
 * a stand-in, and a subclass that says how to drive its market ({@link Venue}); the scenarios stay
 * as they are. (A crash in the middle: {@code RemoteBrokerCrashKit} for remote brokers, {@code
 * CrashDuringOrderFlowIT} for the paper exchange, where an order and its fills are one
 * transaction.)
 */
abstract class BrokerKit {

  /** What the kit asks of a broker's market, for one trader's account there. */
  interface Venue {
    /** The pseudo account the trader's broker account has. */
    String account();

    /** The NSE symbol the scenarios trade, at prices near 470. */
    default String symbol() {
      return "SBIN";
    }

    /** A fresh trader whose account at this broker is ready to trade (logged in today). */
    Trader loggedInTrader();

    /** The broker's ids of the orders this trader's account sent, oldest first. */
    List<String> ordersAtBroker();

    /** The broker's id for one of our orders, as our answer carries it. */
    default String idAtBroker(JsonObject order) {
      return order.getString("brokerOrderId");
    }

    /** Whether the broker's own book says the order is cancelled. */
    boolean cancelledAtBroker(String brokerOrderId);

    /** The order's quantity in the broker's own book. */
    int quantityAtBroker(String brokerOrderId);

    /**
     * The market fills the order at about {@code price}, and the broker's news of it arrives
     * (postback, webhook; on paper, the next second's matching) before this returns.
     */
    void fillWithNews(String brokerOrderId, BigDecimal price);

    /** The exchange fills part of the order, and no news comes. */
    void fillQuietly(String brokerOrderId, int quantity, BigDecimal price);

    /**
     * The broker will refuse the next placement, for want of margin as brokers do.
     *
     * @return the words its refusal begins with
     */
    String refuseNext();

    /** Requests the broker would have refused; none is allowed. */
    default List<String> violations() {
      return List.of();
    }
  }

  /** The subclass's venue, built once its market is known. */
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
    assertEquals(atBroker.get(0), venue.idAtBroker(placed.json()));

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
  void theBrokersRefusalIs422InItsOwnWordsAndTheOrderStandsRejectedWithTheReason() {
    Venue venue = venue();
    Trader trader = venue.loggedInTrader();
    String words = venue.refuseNext();
    Api.Reply refused = place(venue, trader, 5, "470.00");
    assertEquals(422, refused.status(), refused.toString());
    assertEquals("ORDER_REJECTED", refused.code());
    String detail = refused.json().getString("detail");
    assertTrue(detail.startsWith(words), detail);
    List<JsonObject> rejected =
        get(trader, "/api/v1/orders?account=" + venue.account())
            .array()
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(o -> o.getString("status").equals("REJECTED"))
            .toList();
    assertEquals(1, rejected.size(), "the refused order stands in the book once");
    assertEquals(5, rejected.get(0).getInt("quantity"));
    assertEquals(detail, rejected.get(0).getString("statusMessage"), "with the reason");
    assertEquals(List.of(), venue.violations());
  }

  // --- helpers

  static Api.Reply place(Venue venue, Trader trader, int quantity, String price) {
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
                venue.symbol(),
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

  static JsonObject order(Trader trader, String orderId) {
    return get(trader, "/api/v1/orders/" + orderId).json();
  }

  /** Polls the order (a second apart, at most 40 s) until it is as {@code done} says. */
  static JsonObject awaitOrder(Trader trader, String orderId, Predicate<JsonObject> done)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
    JsonObject now = order(trader, orderId);
    while (!done.test(now) && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
      now = order(trader, orderId);
    }
    return now;
  }

  static Api.Reply get(Trader trader, String path) {
    Api.Reply reply = trader.browser.fresh().get(path, "X-API-Key", trader.firstKey);
    assertEquals(200, reply.status(), reply.toString());
    return reply;
  }
}
