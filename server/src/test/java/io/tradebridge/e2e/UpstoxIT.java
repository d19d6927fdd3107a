package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Trading through Upstox API v2 — what is Upstox's own (OAuth 2 login, JSON orders, unsigned
 * webhooks, instrument file, portfolio); the scenarios every broker shares are {@link
 * UpstoxKitIT}'s — against the test's stand-in that follows Upstox's published API and fails the
 * test on any request Upstox would refuse (API.md, "Real brokers").
 */
@ExtendWith(SharedServer.class)
class UpstoxIT {

  /** A trader with an UPSTOX1 account whose Upstox app is registered at the stand-in. */
  record UpstoxTrader(Trader trader, String accountId, UpstoxStandIn.App app) {}

  @Test
  void aTraderLogsInToUpstoxThroughOAuthAndTheLinkWorksOnce(Api api, UpstoxStandIn upstox) {
    UpstoxTrader t = upstoxAccount(api, upstox, Trader.register(api).login());
    assertEquals("LOGIN_REQUIRED", account(t).getString("validationStatus"));

    Api.Reply start =
        t.trader().browser.post("/api/v1/trading-accounts/" + t.accountId() + "/broker-login", "");
    assertEquals(200, start.status(), start.toString());
    String dialog = start.json().getString("loginUrl");
    assertTrue(dialog.startsWith(upstox.loginUrl() + "?"), dialog);
    assertFalse(
        dialog.contains(t.app().clientSecret()), "the client secret never leaves the server");

    URI callback = upstox.signIn(dialog);
    Api.Reply back = t.trader().browser.get(callback.getRawPath() + "?" + callback.getRawQuery());
    assertEquals(303, back.status(), back.toString());
    assertEquals("VALID", account(t).getString("validationStatus"));

    Api.Reply again = api.fresh().get(callback.getRawPath() + "?" + callback.getRawQuery());
    assertEquals(400, again.status(), "the state is single use: " + again);
    assertEquals(List.of(), upstox.violations());
  }

  @Test
  void anOrderGoesToUpstoxAndAWebhookCompletesItIntoATradeAndUpstoxsPosition(
      Api api, UpstoxStandIn upstox) {
    UpstoxTrader t = loggedIn(api, upstox);
    Api.Reply placed = placeSbin(t, 5, "470.00");
    assertEquals(201, placed.status(), placed.toString());
    assertEquals("OPEN", placed.json().getString("status"));
    UpstoxStandIn.UpstoxOrder atUpstox = onlyOrderOf(upstox, t);
    assertEquals(atUpstox.orderId(), placed.json().getString("brokerOrderId"));
    assertEquals(UpstoxStandIn.SBIN, atUpstox.text("instrument_token"));
    assertEquals("I", atUpstox.text("product"));
    assertEquals(0, new BigDecimal("470.00").compareTo(atUpstox.price()));

    assertEquals(200, upstox.fill(atUpstox.orderId(), new BigDecimal("469.95")));

    String orderId = placed.json().getString("orderId");
    JsonObject filled = get(t, "/api/v1/orders/" + orderId).json();
    assertEquals("COMPLETE", filled.getString("status"), filled.toString());
    assertEquals(5, filled.getInt("filledQuantity"));
    assertEquals(
        0,
        new BigDecimal("469.95").compareTo(filled.getJsonNumber("averagePrice").bigDecimalValue()));
    JsonObject trade = get(t, "/api/v1/trades?account=UPSTOX1").array().getJsonObject(0);
    assertEquals(5, trade.getInt("quantity"));
    JsonObject position = get(t, "/api/v1/positions?account=UPSTOX1").array().getJsonObject(0);
    assertEquals("SBIN", position.getString("symbol"));
    assertEquals("INTRADAY", position.getString("productType"));
    assertEquals(5, position.getInt("netQuantity"));
    JsonObject holding = get(t, "/api/v1/holdings?account=UPSTOX1").array().getJsonObject(0);
    assertEquals("INFY", holding.getString("symbol"));
    assertEquals(12, holding.getInt("quantity"));
    JsonObject margins = get(t, "/api/v1/margins?account=UPSTOX1").json();
    assertEquals(
        0,
        new BigDecimal("1000000")
            .compareTo(margins.getJsonNumber("totalCapital").bigDecimalValue()),
        margins.toString());
    assertEquals(List.of(), upstox.violations());
  }

  @Test
  void upstoxsInstrumentsAndPricesAreShownInOurSymbols(Api api, UpstoxStandIn upstox) {
    UpstoxTrader t = loggedIn(api, upstox);
    List<JsonObject> futures =
        get(t, "/api/v1/instruments?account=UPSTOX1&exchange=NFO")
            .array()
            .getValuesAs(JsonObject.class);
    assertEquals(1, futures.size(), futures.toString());
    assertEquals("BANKNIFTY_25-JUN-2026_FUT", futures.get(0).getString("symbol"));
    assertEquals(30, futures.get(0).getInt("lotSize"));
    JsonObject quote = get(t, "/api/v1/quotes?account=UPSTOX1&exchange=NSE&symbol=SBIN").json();
    assertEquals(
        0, new BigDecimal("470.50").compareTo(quote.getJsonNumber("lastPrice").bigDecimalValue()));
  }

  @Test
  void aWebhookUpstoxDidNotSendChangesNothingUpstoxDoesNotConfirm(Api api, UpstoxStandIn upstox) {
    UpstoxTrader t = loggedIn(api, upstox);
    Api.Reply placed = placeSbin(t, 5, "470.00");
    assertEquals(201, placed.status(), placed.toString());

    assertEquals(200, upstox.forgedWebhook(onlyOrderOf(upstox, t)));

    JsonObject order = get(t, "/api/v1/orders/" + placed.json().getString("orderId")).json();
    assertEquals("OPEN", order.getString("status"), order.toString());
    assertEquals(0, order.getInt("filledQuantity"));
    assertEquals(0, get(t, "/api/v1/trades?account=UPSTOX1").array().size());
  }

  // --- helpers, also for the broker conformance kit

  static UpstoxTrader upstoxAccount(Api api, UpstoxStandIn upstox, Trader trader) {
    UpstoxStandIn.App app =
        upstox.register(
            SharedServer.PUBLIC_URL + "/api/v1/brokers/UPSTOX/callback",
            api.base() + "/api/v1/brokers/UPSTOX/postback");
    Api.Reply created =
        trader.browser.post(
            "/api/v1/trading-accounts",
            Api.json(
                "pseudoAccount",
                "UPSTOX1",
                "broker",
                "UPSTOX",
                "loginId",
                "UP1234",
                "live",
                true,
                "credentials",
                Json.createObjectBuilder()
                    .add("clientId", app.clientId())
                    .add("clientSecret", app.clientSecret())
                    .build(),
                "password",
                trader.password));
    assertEquals(201, created.status(), created.toString());
    return new UpstoxTrader(trader, created.json().getString("id"), app);
  }

  @Test
  void anOrderPlacedInUpstoxsOwnAppOnACopyMasterIsCopiedToItsChild(Api api, UpstoxStandIn upstox)
      throws Exception {
    UpstoxTrader t = loggedIn(api, upstox);
    Api.Reply rule =
        t.trader()
            .browser
            .post(
                "/api/v1/copy-rules",
                "{\"master\":\"UPSTOX1\",\"children\":[{\"account\":\"PAPER1\",\"multiplier\":0.5}]}");
    assertEquals(201, rule.status(), rule.toString());
    String upstoxId = upstox.tradeInApp(t.app(), "I", 9, new BigDecimal("801.50"));

    long until = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
    JsonObject master = null;
    JsonObject copy = null;
    while (System.nanoTime() < until && copy == null) {
      Thread.sleep(200);
      master =
          get(t, "/api/v1/orders?account=UPSTOX1").array().getValuesAs(JsonObject.class).stream()
              .filter(o -> upstoxId.equals(o.getString("brokerOrderId", null)))
              .findFirst()
              .orElse(null);
      if (master != null) {
        String masterId = master.getString("orderId");
        copy =
            get(t, "/api/v1/orders?account=PAPER1").array().getValuesAs(JsonObject.class).stream()
                .filter(o -> masterId.equals(o.getString("copiedFrom", null)))
                .findFirst()
                .orElse(null);
      }
    }
    assertNotNull(copy, "the app's order on UPSTOX1 (" + master + ") was copied to PAPER1");
    assertEquals("SBIN", master.getString("symbol"));
    assertEquals("INTRADAY", master.getString("productType"));
    assertEquals("COMPLETE", master.getString("status"));
    assertEquals(4, copy.getInt("quantity"), "9 × 0.5 rounded down");
    assertEquals(List.of(), upstox.violations());
  }

  static UpstoxTrader loggedIn(UpstoxStandIn upstox, UpstoxTrader t) {
    Api.Reply start =
        t.trader().browser.post("/api/v1/trading-accounts/" + t.accountId() + "/broker-login", "");
    assertEquals(200, start.status(), start.toString());
    URI callback = upstox.signIn(start.json().getString("loginUrl"));
    Api.Reply back = t.trader().browser.get(callback.getRawPath() + "?" + callback.getRawQuery());
    assertEquals(303, back.status(), back.toString());
    return t;
  }

  private static UpstoxTrader loggedIn(Api api, UpstoxStandIn upstox) {
    return loggedIn(upstox, upstoxAccount(api, upstox, Trader.register(api).login()));
  }

  private static Api.Reply placeSbin(UpstoxTrader t, int quantity, String price) {
    return t.trader()
        .browser
        .fresh()
        .post(
            "/api/v1/orders",
            Api.json(
                "account",
                "UPSTOX1",
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
            t.trader().firstKey);
  }

  private static UpstoxStandIn.UpstoxOrder onlyOrderOf(UpstoxStandIn upstox, UpstoxTrader t) {
    List<UpstoxStandIn.UpstoxOrder> mine = upstox.ordersOf(t.app());
    assertEquals(1, mine.size(), "exactly one order at Upstox");
    return mine.get(0);
  }

  private static JsonObject account(UpstoxTrader t) {
    return get(t, "/api/v1/trading-accounts").array().getValuesAs(JsonObject.class).stream()
        .filter(a -> a.getString("pseudoAccount").equals("UPSTOX1"))
        .findFirst()
        .orElseThrow();
  }

  private static Api.Reply get(UpstoxTrader t, String path) {
    Api.Reply reply = t.trader().browser.fresh().get(path, "X-API-Key", t.trader().firstKey);
    assertTrue(reply.status() == 200, reply.toString());
    return reply;
  }
}
