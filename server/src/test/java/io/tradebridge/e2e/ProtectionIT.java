package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The traffic log, security events (and their e-mails), the kill switch and the webhook. */
@ExtendWith(SharedServer.class)
class ProtectionIT {

  /** Lines and events are written off the request path, within a second or two: wait for them. */
  static JsonArray awaitList(Api browser, String path, Predicate<JsonArray> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    JsonArray list = browser.get(path).array();
    while (!done.test(list) && System.nanoTime() < deadline) {
      Thread.sleep(200);
      list = browser.get(path).array();
    }
    return list;
  }

  private static boolean hasEvent(JsonArray events, String type, String ip) {
    return events.getValuesAs(JsonObject.class).stream()
        .anyMatch(
            e ->
                e.getString("type").equals(type)
                    && (ip == null || ip.equals(e.getString("ip", null))));
  }

  @Test
  void theTrafficLogListsTheRequestsNewestFirstAndHoldsNoSecret(Api api) throws Exception {
    Trader trader = Trader.register(api).login();
    Api program = api.fresh();
    assertEquals(200, program.get("/api/v1/ping", "X-API-Key", trader.firstKey).status());
    Api.Reply placed =
        program.post(
            "/api/v1/orders", RateLimitsIT.order("traffic-1"), "X-API-Key", trader.firstKey);
    assertEquals(201, placed.status());
    String orderId = placed.json().getString("orderId");
    assertEquals(
        200,
        program
            .get("/api/v1/orders/" + orderId + "?account=PAPER1", "X-API-Key", trader.firstKey)
            .status());
    assertEquals(
        404, program.get("/api/v1/orders/no-such-order", "X-API-Key", trader.firstKey).status());

    JsonArray lines =
        awaitList(trader.browser, "/api/v1/traffic?keyId=" + trader.firstKeyId, l -> l.size() >= 4);
    assertEquals(4, lines.size(), lines.toString());
    JsonObject newest = lines.getJsonObject(0);
    assertEquals("GET", newest.getString("method"));
    assertEquals(
        "/api/v1/orders/{orderId}",
        newest.getString("path"),
        "the path template, not the id or query");
    assertEquals(404, newest.getInt("status"));
    assertEquals("127.0.0.1", newest.getString("ip"));
    assertEquals(trader.firstKeyId, newest.getString("keyId"));
    assertTrue(newest.getInt("latencyMs") >= 0);
    assertEquals("POST", lines.getJsonObject(2).getString("method"));
    assertEquals("/api/v1/orders", lines.getJsonObject(2).getString("path"));
    assertEquals(201, lines.getJsonObject(2).getInt("status"));
    assertEquals("/api/v1/ping", lines.getJsonObject(3).getString("path"));

    // Paging: two at a time, then the two before the last one seen.
    JsonArray first =
        trader.browser.get("/api/v1/traffic?keyId=" + trader.firstKeyId + "&limit=2").array();
    long last = first.getJsonObject(1).getJsonNumber("id").longValue();
    JsonArray next =
        trader
            .browser
            .get("/api/v1/traffic?keyId=" + trader.firstKeyId + "&limit=2&before=" + last)
            .array();
    assertEquals(lines.getJsonObject(2), next.getJsonObject(0));
    assertEquals(lines.getJsonObject(3), next.getJsonObject(1));

    String everything = trader.browser.get("/api/v1/traffic?limit=1000").body();
    assertFalse(everything.contains(trader.firstKey), "the traffic log must not hold the key");
    assertFalse(everything.contains(trader.password), "the traffic log must not hold the password");
    assertEquals(
        403,
        program.get("/api/v1/traffic", "X-API-Key", trader.firstKey).status(),
        "the traffic log is for the person, not for a key");
    assertEquals(400, trader.browser.get("/api/v1/traffic?limit=5000").status());
  }

  @Test
  void aKeyUsedFromANewAddressIsASecurityEventAndAnEmail(Api api, Mailbox mailbox)
      throws Exception {
    Trader trader = Trader.register(api).login();
    assertEquals(200, trader.ping(trader.firstKey).status());
    // The shared server trusts X-Forwarded-For from loopback, as it would from a proxy in front of
    // it.
    assertEquals(
        200,
        api.fresh()
            .get("/api/v1/ping", "X-API-Key", trader.firstKey, "X-Forwarded-For", "203.0.113.77")
            .status());

    JsonArray events =
        awaitList(
            trader.browser,
            "/api/v1/security/events",
            e -> hasEvent(e, "KEY_NEW_ADDRESS", "203.0.113.77"));
    assertTrue(hasEvent(events, "KEY_NEW_ADDRESS", "203.0.113.77"), events.toString());
    assertTrue(hasEvent(events, "LOGIN_SUCCEEDED", "127.0.0.1"), events.toString());
    JsonObject event =
        events.getValuesAs(JsonObject.class).stream()
            .filter(e -> "203.0.113.77".equals(e.getString("ip", null)))
            .findFirst()
            .orElseThrow();
    assertEquals(trader.firstKeyId, event.getString("keyId"));

    List<Mailbox.Mail> mails = mailbox.awaitAtLeast(trader.email(), 1, Duration.ofSeconds(15));
    assertEquals(
        1,
        mails.size(),
        "only the new address is e-mailed (not the key's first use, not the sign-in)");
    assertTrue(mails.get(0).subject().contains("new address"), mails.get(0).subject());
    assertTrue(mails.get(0).body().contains("203.0.113.77"), mails.get(0).body());
    assertFalse(mails.get(0).body().contains(trader.firstKey), "an e-mail never carries the key");
  }

  @Test
  void securityEmailsAreLimitedToOneASecondAndTwoAMinutePerUser(Api api, Mailbox mailbox)
      throws Exception {
    Trader trader = Trader.register(api).login();
    String reveal = "/api/v1/keys/" + trader.firstKeyId + "/reveal";
    for (int i = 0; i < 3; i++) {
      assertEquals(
          200, trader.browser.post(reveal, Api.json("password", trader.password)).status());
    }
    List<Mailbox.Mail> mails = mailbox.awaitAtLeast(trader.email(), 1, Duration.ofSeconds(15));
    Thread.sleep(2500);
    assertEquals(1, mailbox.to(trader.email()).size(), "three reveals in a second make one e-mail");
    assertTrue(mails.get(0).subject().contains("API key viewed"), mails.get(0).subject());

    assertEquals(200, trader.browser.post(reveal, Api.json("password", trader.password)).status());
    assertEquals(
        2,
        mailbox.awaitAtLeast(trader.email(), 2, Duration.ofSeconds(15)).size(),
        "a second later, the second e-mail of the minute goes out");
    Thread.sleep(1200);
    assertEquals(200, trader.browser.post(reveal, Api.json("password", trader.password)).status());
    Thread.sleep(3500);
    assertEquals(2, mailbox.to(trader.email()).size(), "the third in a minute is not sent");

    JsonArray events = trader.browser.get("/api/v1/security/events").array();
    assertEquals(
        5,
        events.getValuesAs(JsonObject.class).stream()
            .filter(e -> e.getString("type").equals("KEY_REVEALED"))
            .count(),
        "every event is listed, mailed or not");
  }

  @Test
  void theKillSwitchLeavesNoWorkingKeyNoOpenOrderAndNoPendingApproval(Api api) throws Exception {
    Trader trader = Trader.register(api).login();
    Api.Reply semi =
        trader.browser.post(
            "/api/v1/keys",
            Api.json(
                "label",
                "semi",
                "environment",
                "LIVE",
                "permissions",
                List.of("READ", "TRADE"),
                "orderMode",
                "SEMI_AUTO",
                "password",
                trader.password));
    assertEquals(201, semi.status(), semi.toString());
    String semiKey = semi.json().getString("key");
    JsonObject quote =
        api.fresh()
            .get("/api/v1/quotes?exchange=NSE&symbol=ITC", "X-API-Key", trader.firstKey)
            .json();
    double below = Math.floor(quote.getJsonNumber("bid").doubleValue() * 0.9 * 20) / 20;
    Api.Reply resting =
        api.fresh()
            .post(
                "/api/v1/orders",
                Api.json(
                    "account",
                    "PAPER1",
                    "exchange",
                    "NSE",
                    "symbol",
                    "ITC",
                    "side",
                    "BUY",
                    "quantity",
                    5,
                    "orderType",
                    "LIMIT",
                    "price",
                    below,
                    "productType",
                    "INTRADAY"),
                "X-API-Key",
                trader.firstKey);
    assertEquals("OPEN", resting.json().getString("status"), resting.toString());
    assertEquals(
        202,
        api.fresh()
            .post("/api/v1/orders", RateLimitsIT.order("held"), "X-API-Key", semiKey)
            .status());

    Api.Reply wrong =
        trader.browser.post(
            "/api/v1/security/kill-switch", Api.json("password", "not my password"));
    assertEquals(401, wrong.status(), wrong.toString());
    assertEquals(200, trader.ping(trader.firstKey).status(), "a wrong password changes nothing");

    Api.Reply pulled =
        trader.browser.post("/api/v1/security/kill-switch", Api.json("password", trader.password));
    assertEquals(200, pulled.status(), pulled.toString());
    assertEquals(2, pulled.json().getInt("revokedKeys"));
    assertEquals(
        List.of(resting.json().getString("orderId")),
        pulled
            .json()
            .getJsonArray("cancelledOrders")
            .getValuesAs(jakarta.json.JsonString.class)
            .stream()
            .map(jakarta.json.JsonString::getString)
            .toList());
    assertEquals(1, pulled.json().getInt("cancelledActions"));

    assertEquals(401, trader.ping(trader.firstKey).status());
    assertEquals(401, trader.ping(semiKey).status());
    assertTrue(
        trader.browser.get("/api/v1/orders?status=OPEN").array().isEmpty(),
        "no open order is left");
    assertTrue(
        trader.browser.get("/api/v1/actions?status=PENDING").array().isEmpty(),
        "no pending approval is left");
    assertEquals(
        "CANCELLED",
        trader.browser.get("/api/v1/actions").array().getJsonObject(0).getString("status"));
    assertTrue(
        hasEvent(
            trader.browser.get("/api/v1/security/events").array(), "KILL_SWITCH", "127.0.0.1"));
    assertEquals(
        403,
        api.fresh()
            .post(
                "/api/v1/security/kill-switch",
                Api.json("password", trader.password),
                "X-API-Key",
                trader.firstKey)
            .status(),
        "a key cannot pull (or undo) the switch");
  }

  @Test
  void aTradingViewStyleWebhookPlacesAnOrderWithTheKeyInTheBody(Api api) {
    Trader trader = Trader.register(api);
    // TradingView posts the alert message as text/plain; the key is a field of the JSON message.
    String alert =
        Api.json(
            "apikey",
            trader.firstKey,
            "account",
            "PAPER1",
            "exchange",
            "NSE",
            "symbol",
            "SBIN",
            "side",
            "BUY",
            "quantity",
            2,
            "orderType",
            "MARKET",
            "productType",
            "INTRADAY",
            "clientOrderId",
            "tv-alert-1");
    Api.Reply placed =
        api.fresh()
            .post("/api/v1/webhooks/orders", alert, "Content-Type", "text/plain; charset=utf-8");
    assertEquals(201, placed.status(), placed.toString());
    assertEquals("COMPLETE", placed.json().getString("status"));
    assertEquals("tv-alert-1", placed.json().getString("clientOrderId"));

    Api.Reply repeated =
        api.fresh().post("/api/v1/webhooks/orders", alert, "Content-Type", "application/json");
    assertEquals(
        placed.json().getString("orderId"),
        repeated.json().getString("orderId"),
        "an alert fired twice lands once");
    assertEquals(
        1,
        trader.ping(trader.firstKey).status() == 200
            ? api.fresh().get("/api/v1/orders", "X-API-Key", trader.firstKey).array().size()
            : -1);

    Api.Reply badKey =
        api.fresh().post("/api/v1/webhooks/orders", alert.replace(trader.firstKey, "tb_live_nope"));
    assertEquals(401, badKey.status());
    Api.Reply badField =
        api.fresh().post("/api/v1/webhooks/orders", alert.replace("\"MARKET\"", "\"MARKT\""));
    assertEquals(400, badField.status());
    assertTrue(badField.body().contains("orderType"), badField.body());
    assertFalse(badField.body().contains(trader.firstKey));
    Api.Reply inUrl = api.fresh().post("/api/v1/webhooks/orders?apikey=" + trader.firstKey, alert);
    assertEquals("API_KEY_IN_URL", inUrl.code());
  }

  @Test
  void theWebhookTakesTwentyOrdersAMinutePerKey(Api api) {
    Trader trader = Trader.register(api);
    int placed = 0;
    Api.Reply last = null;
    for (int i = 0; i < 21; i++) {
      last =
          api.fresh()
              .post(
                  "/api/v1/webhooks/orders",
                  Api.json(
                      "apikey",
                      trader.firstKey,
                      "account",
                      "PAPER1",
                      "exchange",
                      "NSE",
                      "symbol",
                      "ITC",
                      "side",
                      i % 2 == 0 ? "BUY" : "SELL",
                      "quantity",
                      1,
                      "orderType",
                      "MARKET",
                      "productType",
                      "INTRADAY",
                      "clientOrderId",
                      "tv-" + i));
      if (last.status() == 201) {
        placed++;
      }
    }
    assertEquals(20, placed);
    assertEquals(429, last.status(), last.toString());
    assertTrue(Integer.parseInt(last.header("Retry-After")) > 1, "the window is a minute");
  }
}
