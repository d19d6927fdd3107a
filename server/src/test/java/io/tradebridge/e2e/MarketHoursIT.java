package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The paper exchange keeps NSE's hours: closed at the weekend except to after-market orders, which
 * fill at the open; intraday positions squared off at 15:20. No test waits for a real open: an
 * administrator moves the paper market's hours and time through its control, and the market's own
 * once-a-second matching and 5-second square-off do the rest.
 */
@ExtendWith(SharedServer.class)
class MarketHoursIT {

  private static final String HOURS = "/api/v1/admin/paper-market/hours";

  private Api api;
  private String admin;

  @BeforeEach
  void administrator(Api api) {
    this.api = api;
    this.admin = "Bearer " + TokenMint.token(SingleSignOnIT.someone(), "admin");
  }

  @AfterEach
  void backToTheServersHours() {
    Api.Reply reset = api.fresh().delete(HOURS, "Authorization", admin);
    assertEquals(200, reset.status(), reset.toString());
    assertEquals("always", reset.json().getString("hours"), "the test server's own setting");
  }

  private JsonObject rehearse(String hours, String time) {
    Api.Reply set =
        api.fresh().put(HOURS, Api.json("hours", hours, "time", time), "Authorization", admin);
    assertEquals(200, set.status(), set.toString());
    return set.json();
  }

  private static Api.Reply place(Trader trader, Object... fields) {
    return trader
        .browser
        .fresh()
        .post("/api/v1/orders", Api.json(fields), "X-API-Key", trader.firstKey);
  }

  /** A MARKET order for SBIN on PAPER1, with {@code extra} fields (amo) added. */
  private static Api.Reply sbin(
      Trader trader, String side, int quantity, String product, Object... extra) {
    Object[] fields = {
      "account",
      "PAPER1",
      "exchange",
      "NSE",
      "symbol",
      "SBIN",
      "side",
      side,
      "quantity",
      quantity,
      "orderType",
      "MARKET",
      "productType",
      product
    };
    Object[] all = java.util.Arrays.copyOf(fields, fields.length + extra.length);
    System.arraycopy(extra, 0, all, fields.length, extra.length);
    return place(trader, all);
  }

  private static <T> T await(Supplier<T> read, Predicate<T> done) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    T now = read.get();
    while (!done.test(now) && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
      now = read.get();
    }
    return now;
  }

  @Test
  void aWeekendTakesOnlyAfterMarketOrdersAndTheyFillAtTheOpen() throws Exception {
    Trader trader = Trader.register(api).login();
    JsonObject saturday = rehearse("exchange", "2026-12-12T11:00:00+05:30");
    assertEquals("CLOSED", saturday.getString("status"));
    assertEquals("WEEKEND", saturday.getString("reason"));
    assertEquals("2026-12-14T03:45:00Z", saturday.getString("opensAt"), "Monday 09:15 IST");
    JsonObject status = BrokerKit.get(trader, "/api/v1/market/status").json();
    assertEquals("CLOSED", status.getString("status"), "what a key reads: " + status);
    assertEquals("Asia/Kolkata", status.getString("timeZone"));

    Api.Reply refused = sbin(trader, "BUY", 1, "DELIVERY");
    assertEquals(422, refused.status(), refused.toString());
    String detail = refused.json().getString("detail");
    assertTrue(
        detail.contains("the market is closed (weekend)")
            && detail.contains("Mon 14 Dec 09:15 IST")
            && detail.contains("amo"),
        detail);

    Api.Reply queued = sbin(trader, "BUY", 3, "DELIVERY", "amo", true);
    assertEquals(201, queued.status(), queued.toString());
    assertEquals("OPEN", queued.json().getString("status"));
    assertTrue(
        queued.json().getString("statusMessage").startsWith("queued for the open, Mon 14 Dec"),
        queued.toString());
    String orderId = queued.json().getString("orderId");

    String quote = "/api/v1/quotes?exchange=NSE&symbol=SBIN";
    JsonObject before = BrokerKit.get(trader, quote).json();
    Thread.sleep(2_500);
    JsonObject after = BrokerKit.get(trader, quote).json();
    for (String field : List.of("lastPrice", "bid", "ask", "volume")) {
      assertEquals(before.get(field), after.get(field), "prices stand still: " + field);
    }
    assertEquals(
        "OPEN", BrokerKit.order(trader, orderId).getString("status"), "nothing fills while closed");

    JsonObject preOpen = rehearse("exchange", "2026-12-14T09:14:57+05:30");
    assertEquals("PRE_OPEN", preOpen.getString("status"));
    Api.Reply amoInPreOpen = sbin(trader, "BUY", 1, "DELIVERY");
    assertEquals(201, amoInPreOpen.status(), "the pre-open takes orders: " + amoInPreOpen);
    assertEquals("OPEN", amoInPreOpen.json().getString("status"));

    JsonObject filled =
        await(
            () -> BrokerKit.order(trader, orderId), o -> o.getString("status").equals("COMPLETE"));
    assertEquals("COMPLETE", filled.getString("status"), "filled at the open: " + filled);
    assertEquals(3, filled.getInt("filledQuantity"));
    assertTrue(filled.isNull("statusMessage"), "no longer waiting: " + filled);

    Api.Reply amoWhileOpen = sbin(trader, "BUY", 1, "DELIVERY", "amo", true);
    assertEquals(422, amoWhileOpen.status(), amoWhileOpen.toString());
    assertTrue(
        amoWhileOpen.json().getString("detail").contains("the market is open"),
        amoWhileOpen.toString());
  }

  @Test
  void intradayPositionsAreSquaredOffAtTwentyPastThreeAndDeliveryStays() throws Exception {
    Trader trader = Trader.register(api).login();
    JsonObject open = rehearse("exchange", "2026-12-14T15:19:52+05:30");
    assertEquals("OPEN", open.getString("status"));
    assertEquals("2026-12-14T09:50:00Z", open.getString("squareOffAt"), "15:20 IST");

    for (Api.Reply bought :
        List.of(sbin(trader, "BUY", 2, "INTRADAY"), sbin(trader, "BUY", 1, "DELIVERY"))) {
      assertEquals(201, bought.status(), bought.toString());
      assertEquals("COMPLETE", bought.json().getString("status"), bought.toString());
    }
    // Within the 20% band, well below the market: it rests.
    java.math.BigDecimal tick = new java.math.BigDecimal("0.05");
    java.math.BigDecimal below =
        BrokerKit.get(trader, "/api/v1/quotes?exchange=NSE&symbol=SBIN")
            .json()
            .getJsonNumber("bid")
            .bigDecimalValue()
            .multiply(new java.math.BigDecimal("0.9"))
            .divide(tick, 0, java.math.RoundingMode.DOWN)
            .multiply(tick);
    Api.Reply resting =
        place(
            trader,
            "account",
            "PAPER1",
            "exchange",
            "NSE",
            "symbol",
            "SBIN",
            "side",
            "BUY",
            "quantity",
            1,
            "orderType",
            "LIMIT",
            "price",
            below,
            "productType",
            "INTRADAY");
    assertEquals("OPEN", resting.json().getString("status"), resting.toString());

    Supplier<List<JsonObject>> positions =
        () ->
            BrokerKit.get(trader, "/api/v1/positions?account=PAPER1")
                .array()
                .getValuesAs(JsonObject.class);
    Predicate<List<JsonObject>> intradayFlat =
        ps ->
            ps.stream()
                .filter(p -> p.getString("productType").equals("INTRADAY"))
                .allMatch(p -> p.getInt("netQuantity") == 0);
    List<JsonObject> after = await(positions, intradayFlat);
    assertTrue(intradayFlat.test(after), "squared off by 15:20 and a few seconds: " + after);
    JsonObject delivery =
        after.stream()
            .filter(p -> p.getString("productType").equals("DELIVERY"))
            .findFirst()
            .orElseThrow();
    assertEquals(1, delivery.getInt("netQuantity"), "a delivery position is the trader's to keep");

    List<JsonObject> orders =
        BrokerKit.get(trader, "/api/v1/orders?account=PAPER1")
            .array()
            .getValuesAs(JsonObject.class);
    JsonObject exit =
        orders.stream()
            .filter(o -> o.getString("side").equals("SELL"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no closing order: " + orders));
    assertEquals("INTRADAY", exit.getString("productType"));
    assertEquals("MARKET", exit.getString("orderType"));
    assertEquals(2, exit.getInt("filledQuantity"));
    JsonObject cancelled = BrokerKit.order(trader, resting.json().getString("orderId"));
    assertEquals("CANCELLED", cancelled.getString("status"));
    assertTrue(cancelled.getString("statusMessage").contains("15:20"), cancelled.toString());

    String events = trader.browser.get("/api/v1/security/events").body();
    assertTrue(
        events.contains("INTRADAY_SQUARED_OFF") && events.contains("1 intraday position(s) closed"),
        events);
    assertEquals(1, orders.stream().filter(o -> o.getString("side").equals("SELL")).count());
  }

  @Test
  void alwaysHoursTradeAtMidnightAndOnlyAnAdministratorMovesTheHours() {
    Trader trader = Trader.register(api).login();
    JsonObject midnight = rehearse("always", "2026-12-13T00:00:00+05:30");
    assertEquals("OPEN", midnight.getString("status"));
    assertEquals("ALWAYS_OPEN", midnight.getString("reason"));
    assertFalse(midnight.containsKey("squareOffAt") && !midnight.isNull("squareOffAt"));
    Api.Reply bought = sbin(trader, "BUY", 1, "INTRADAY");
    assertEquals(201, bought.status(), bought.toString());
    assertEquals("COMPLETE", bought.json().getString("status"));

    Api.Reply notAnAdmin =
        trader.browser.put(HOURS, Api.json("hours", "exchange", "time", "2026-12-13T10:00:00Z"));
    assertEquals(403, notAnAdmin.status(), notAnAdmin.toString());
    Api.Reply badHours = api.fresh().put(HOURS, Api.json("hours", "24x7"), "Authorization", admin);
    assertEquals(400, badHours.status(), badHours.toString());
    assertEquals("VALIDATION_FAILED", badHours.code());
  }
}
