package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Requests an attacker (or a broken client) sends: each gets a 4xx problem+json, places nothing,
 * and leaves the server ready for everyone else.
 */
@ExtendWith(SharedServer.class)
class HostileRequestsIT {

  private static final String ORDER =
      "{\"account\":\"PAPER1\",\"exchange\":\"NSE\",\"symbol\":\"SBIN\",\"side\":\"BUY\","
          + "\"quantity\":1,\"orderType\":\"MARKET\",\"productType\":\"INTRADAY\",\"comments\":\"COMMENT\"}";

  private static void assertProblem(Api.Reply reply, int status) {
    assertEquals(status, reply.status(), reply.toString());
    assertTrue(
        reply.header("Content-Type").startsWith("application/problem+json"), reply.toString());
    assertEquals(status, reply.json().getInt("status"));
    assertTrue(reply.json().getString("instance").startsWith("urn:uuid:"), reply.toString());
  }

  private static void assertNothingPlacedAndServerReady(Api api, Trader trader) {
    assertEquals(
        0,
        api.fresh().get("/api/v1/orders", "X-API-Key", trader.firstKey).array().size(),
        "the refused request must not have placed an order");
    assertEquals(200, api.fresh().get("/health/ready").status());
  }

  @Test
  void anOrderWhoseBodyIsNotUtf8IsRefusedAndNothingIsPlaced(Api api) {
    Trader trader = Trader.register(api);
    byte[] body = ORDER.replace("COMMENT", "caf?").getBytes(StandardCharsets.US_ASCII);
    body[ORDER.indexOf("COMMENT") + 3] = (byte) 0xC3; // a lead byte with nothing after it
    Api.Reply reply = api.fresh().postBytes("/api/v1/orders", body, "X-API-Key", trader.firstKey);
    assertProblem(reply, 400);
    assertEquals("MALFORMED_REQUEST", reply.code());
    assertTrue(reply.json().getString("detail").contains("UTF-8"), reply.toString());
    assertNothingPlacedAndServerReady(api, trader);
  }

  @Test
  void jsonNestedTenThousandDeepIsRefusedWithoutAServerError(Api api) {
    Trader trader = Trader.register(api);
    String deep = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
    String deepOrder = ORDER.replace("\"COMMENT\"", deep);
    assertProblem(api.fresh().post("/api/v1/orders", deepOrder, "X-API-Key", trader.firstKey), 400);
    String deepArrays =
        "{\"username\":" + "[".repeat(10_000) + "]".repeat(10_000) + ",\"password\":\"x\"}";
    assertProblem(api.fresh().post("/api/v1/auth/login", deepArrays), 400);
    assertNothingPlacedAndServerReady(api, trader);
  }

  @Test
  void encodedSlashesDotsAndBackslashesInAPathIdAreProblemsNotHtml(Api api) {
    Trader trader = Trader.register(api);
    for (String id : new String[] {"%2e%2e", "a%2fb", "..%2f..%2fkeys", "x%5cy", "%2E%2E%2Fping"}) {
      Api.Reply reply = api.fresh().get("/api/v1/orders/" + id, "X-API-Key", trader.firstKey);
      assertTrue(reply.status() == 400 || reply.status() == 404, id + ": " + reply);
      assertProblem(reply, reply.status());
      assertFalse(reply.body().contains("<"), id + ": " + reply);
    }
    assertNothingPlacedAndServerReady(api, trader);
  }

  @Test
  void aValidKeyIsNeverRefusedBecauseItsAddressSentUnknownKeys(Api api) {
    Trader trader = Trader.register(api);
    String office = "198.51.100." + (1 + (int) (System.nanoTime() % 200)); // one NAT, many programs
    String madeUp = trader.firstKey.substring(0, 8) + "0".repeat(38);
    Api.Reply last = null;
    for (int i = 0; i < 40; i++) {
      last = api.fresh().get("/api/v1/ping", "X-API-Key", madeUp + i, "X-Forwarded-For", office);
    }
    assertNotNull(last);
    Api.Reply refused =
        api.fresh()
            .get(
                "/api/v1/ping",
                "X-API-Key",
                "tb_live_" + "A".repeat(38),
                "X-Forwarded-For",
                office);
    assertTrue(refused.status() == 401 || refused.status() == 429, refused.toString());
    Api.Reply valid =
        api.fresh().get("/api/v1/ping", "X-API-Key", trader.firstKey, "X-Forwarded-For", office);
    assertEquals(200, valid.status(), "the trader's own key works from the same address: " + valid);
  }

  @Test
  void behindATrustedTlsProxyTheSessionCookieIsSecureAndHstsIsSent(Api api) {
    Trader trader = Trader.register(api);
    // The shared server trusts loopback as its proxy (SharedServer).
    Api.Reply login =
        api.fresh()
            .post(
                "/api/v1/auth/login",
                Api.json("username", trader.username, "password", trader.password),
                "X-Forwarded-Proto",
                "https");
    assertEquals(200, login.status(), login.toString());
    String cookie = login.header("Set-Cookie");
    assertTrue(cookie.contains("Secure"), cookie);
    assertEquals("max-age=31536000", login.header("Strict-Transport-Security"));

    Api.Reply plain =
        api.fresh()
            .post(
                "/api/v1/auth/login",
                Api.json("username", trader.username, "password", trader.password));
    assertFalse(
        plain.header("Set-Cookie").contains("Secure"),
        "plain HTTP on loopback: the browser would drop it");
    assertEquals(
        null, plain.header("Strict-Transport-Security"), "HSTS only over HTTPS (RFC 6797 §7.2)");
  }

  @Test
  void everyDocumentedFieldIsPresentAndNullWhenItHasNoValue(Api api) throws InterruptedException {
    Trader trader = Trader.register(api).login();
    JsonObject order =
        api.fresh()
            .post(
                "/api/v1/orders",
                ORDER.replace(",\"comments\":\"COMMENT\"", ""),
                "X-API-Key",
                trader.firstKey)
            .json();
    for (String field : new String[] {"price", "triggerPrice", "statusMessage", "parentOrderId"}) {
      assertTrue(order.containsKey(field), field + " missing from " + order);
    }
    assertEquals(JsonValue.NULL, order.get("parentOrderId"));
    JsonObject key = trader.browser.get("/api/v1/keys").array().getJsonObject(0);
    assertEquals(JsonValue.NULL, key.get("expiresAt"), key.toString());
    JsonObject line =
        ProtectionIT.awaitList(
                trader.browser,
                "/api/v1/traffic",
                lines ->
                    lines.stream().anyMatch(l -> l.asJsonObject().get("keyId") == JsonValue.NULL))
            .stream()
            .map(JsonValue::asJsonObject)
            .filter(l -> l.get("keyId") == JsonValue.NULL)
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "the session's own requests are traffic lines without a key"));
    assertTrue(line.containsKey("keyId"));
  }
}
