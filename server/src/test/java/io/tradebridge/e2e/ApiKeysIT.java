package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class ApiKeysIT {

  private static JsonObject create(Trader trader, Object... extra) {
    Object[] base = {
      "label",
      "python bot",
      "environment",
      "LIVE",
      "permissions",
      List.of("READ"),
      "password",
      trader.password
    };
    Object[] all = new Object[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    Api.Reply created = trader.browser.post("/api/v1/keys", Api.json(all));
    assertEquals(201, created.status(), created.toString());
    return created.json();
  }

  @Test
  void listsNeverShowTheSecret(Api api) {
    Trader trader = Trader.register(api).login();
    JsonObject created = create(trader);
    Api.Reply list = trader.browser.get("/api/v1/keys");
    assertEquals(200, list.status());
    assertEquals(2, list.array().size());
    assertFalse(list.body().contains(trader.firstKey), "list holds the first key");
    assertFalse(list.body().contains(created.getString("key")), "list holds the new key");
    assertFalse(list.body().contains("\"key\""), list.body());
    JsonObject row = list.array().getJsonObject(1);
    assertEquals(created.getString("key").substring(0, 12), row.getString("prefix"));
    assertEquals("ACTIVE", row.getString("status"));
  }

  @Test
  void creatingAKeyNeedsThePassword(Api api) {
    Trader trader = Trader.register(api).login();
    Api.Reply refused =
        trader.browser.post(
            "/api/v1/keys",
            Api.json(
                "label",
                "x",
                "environment",
                "TEST",
                "permissions",
                List.of("READ"),
                "password",
                "wrong password"));
    assertEquals(401, refused.status(), refused.toString());
    assertEquals(1, trader.browser.get("/api/v1/keys").array().size(), "nothing was created");
  }

  @Test
  void revealNeedsThePasswordAndACodeWhenCredentialsTwoFactorIsOn(Api api) {
    Trader trader = Trader.register(api).login();
    String path = "/api/v1/keys/" + trader.firstKeyId + "/reveal";
    assertEquals(401, trader.browser.post(path, Api.json("password", "wrong password")).status());
    Api.Reply revealed = trader.browser.post(path, Api.json("password", trader.password));
    assertEquals(200, revealed.status(), revealed.toString());
    assertEquals(trader.firstKey, revealed.json().getString("key"));

    trader.enableTwoFactor(false, true);
    Api.Reply withoutCode = trader.browser.post(path, Api.json("password", trader.password));
    assertEquals(401, withoutCode.status());
    assertEquals("TOTP_REQUIRED", withoutCode.code());
    Api.Reply withCode =
        trader.browser.post(
            path,
            Api.json("password", trader.password, "totpCode", trader.authenticator.nextCode()));
    assertEquals(200, withCode.status(), withCode.toString());
    assertEquals(trader.firstKey, withCode.json().getString("key"));
  }

  @Test
  void theOldSecretDiesTheMomentAKeyIsRegenerated(Api api) {
    Trader trader = Trader.register(api).login();
    assertEquals(200, trader.ping(trader.firstKey).status());
    Api.Reply regenerated =
        trader.browser.post(
            "/api/v1/keys/" + trader.firstKeyId + "/regenerate",
            Api.json("password", trader.password));
    assertEquals(200, regenerated.status(), regenerated.toString());
    String newKey = regenerated.json().getString("key");
    assertNotEquals(trader.firstKey, newKey);

    Api.Reply old = trader.ping(trader.firstKey);
    assertEquals(401, old.status(), old.toString());
    assertEquals("UNAUTHENTICATED", old.code());
    Api.Reply fresh = trader.ping(newKey);
    assertEquals(200, fresh.status());
    assertEquals(trader.firstKeyId, fresh.json().getString("keyId"), "same key record, new secret");
  }

  @Test
  void anotherUsersKeyIdIsNotFound(Api api) {
    Trader owner = Trader.register(api);
    Trader other = Trader.register(api).login();
    String path = "/api/v1/keys/" + owner.firstKeyId;
    assertEquals(
        404, other.browser.post(path + "/reveal", Api.json("password", other.password)).status());
    assertEquals(
        404,
        other.browser.post(path + "/regenerate", Api.json("password", other.password)).status());
    assertEquals(404, other.browser.patch(path, Api.json("label", "mine now")).status());
    Api.Reply delete = other.browser.delete(path);
    assertEquals(404, delete.status());
    assertEquals("NOT_FOUND", delete.code());
    assertEquals(200, owner.ping(owner.firstKey).status(), "the owner's key is untouched");
  }

  @Test
  void aRevokedKeyStopsAtOnce(Api api) {
    Trader trader = Trader.register(api).login();
    assertEquals(
        200, trader.ping(trader.firstKey).status(), "the key was in use when it was revoked");
    assertEquals(204, trader.browser.delete("/api/v1/keys/" + trader.firstKeyId).status());
    assertEquals(401, trader.ping(trader.firstKey).status());
    JsonObject row = trader.browser.get("/api/v1/keys").array().getJsonObject(0);
    assertEquals("REVOKED", row.getString("status"));
  }

  @Test
  void aChangeThatGivesAKeyMorePowerNeedsThePasswordAndNarrowingItDoesNot(Api api) {
    Trader trader = Trader.register(api).login();
    String path = "/api/v1/keys/" + trader.firstKeyId;
    assertEquals(
        200,
        trader
            .browser
            .patch(
                path,
                Api.json(
                    "permissions",
                    List.of("READ"),
                    "ipAllowlist",
                    List.of("203.0.113.0/24"),
                    "orderMode",
                    "SEMI_AUTO"))
            .status(),
        "narrowing needs nothing");

    // A stolen session (no password) must not turn the key back into a trading key usable from
    // anywhere.
    for (String widening :
        new String[] {
          Api.json("permissions", List.of("READ", "TRADE")),
          Api.json("ipAllowlist", List.of()),
          Api.json("ipAllowlist", List.of("0.0.0.0/0")),
          Api.json("orderMode", "AUTO")
        }) {
      Api.Reply refused = trader.browser.patch(path, widening);
      assertEquals(400, refused.status(), widening + ": " + refused);
      assertTrue(refused.body().contains("password"), refused.toString());
      Api.Reply wrong =
          trader.browser.patch(path, widening.replace("}", ",\"password\":\"not it at all\"}"));
      assertEquals(401, wrong.status(), widening + ": " + wrong);
    }
    JsonObject unchanged = trader.browser.get("/api/v1/keys").array().getJsonObject(0);
    assertEquals("[\"READ\"]", unchanged.getJsonArray("permissions").toString());
    assertEquals("SEMI_AUTO", unchanged.getString("orderMode"));

    Api.Reply widened =
        trader.browser.patch(
            path,
            Api.json(
                "permissions",
                List.of("READ", "TRADE"),
                "orderMode",
                "AUTO",
                "password",
                trader.password));
    assertEquals(200, widened.status(), widened.toString());
    assertEquals("AUTO", widened.json().getString("orderMode"));
    assertEquals(
        200,
        trader.browser.patch(path, Api.json("ipAllowlist", List.of("203.0.113.7"))).status(),
        "one address inside the range is narrower");
  }

  @Test
  void aChangedAllowlistOrPermissionActsOnTheKeysNextRequest(Api api) {
    Trader trader = Trader.register(api).login();
    String path = "/api/v1/keys/" + trader.firstKeyId;
    assertEquals(200, trader.ping(trader.firstKey).status());
    assertEquals(
        200,
        trader.browser.patch(path, Api.json("ipAllowlist", List.of("203.0.113.0/24"))).status());
    assertEquals(403, trader.ping(trader.firstKey).status(), "refused from this address at once");

    assertEquals(
        200,
        trader
            .browser
            .patch(
                path,
                Api.json(
                    "ipAllowlist",
                    List.of(),
                    "permissions",
                    List.of("READ"),
                    "password",
                    trader.password))
            .status(),
        "emptying the allowlist widens the key: it takes the password");
    assertEquals(200, trader.ping(trader.firstKey).status());
    Api.Reply order =
        api.fresh()
            .post(
                "/api/v1/orders", RateLimitsIT.order("after-patch"), "X-API-Key", trader.firstKey);
    assertEquals(403, order.status(), order.toString());
    assertTrue(order.json().getString("detail").contains("TRADE"), order.toString());
  }

  @Test
  void aKeyPastItsExpiryIsRefused(Api api) {
    Trader trader = Trader.register(api).login();
    JsonObject created = create(trader, "expiresAt", Instant.now().plusSeconds(3).toString());
    assertEquals(200, trader.ping(created.getString("key")).status());
    RunningServer.sleep(3500);
    assertEquals(401, trader.ping(created.getString("key")).status());
    JsonObject row = trader.browser.get("/api/v1/keys").array().getJsonObject(1);
    assertEquals("EXPIRED", row.getString("status"));
  }

  @Test
  void anExpiryInThePastIsAValidationError(Api api) {
    Trader trader = Trader.register(api).login();
    Api.Reply reply =
        trader.browser.patch(
            "/api/v1/keys/" + trader.firstKeyId, Api.json("expiresAt", "2020-01-01T00:00:00Z"));
    assertEquals(400, reply.status(), reply.toString());
    assertEquals(
        "expiresAt", reply.json().getJsonArray("errors").getJsonObject(0).getString("field"));
  }

  @Test
  void aKeyIsRefusedFromAnAddressOutsideItsAllowlist(Api api) {
    Trader trader = Trader.register(api).login();
    JsonObject elsewhere = create(trader, "ipAllowlist", List.of("203.0.113.0/24"));
    Api.Reply refused = trader.ping(elsewhere.getString("key"));
    assertEquals(403, refused.status(), refused.toString());
    assertEquals("FORBIDDEN", refused.code());

    JsonObject here = create(trader, "ipAllowlist", List.of("127.0.0.0/8", "::1"));
    assertEquals(200, trader.ping(here.getString("key")).status());

    Api.Reply bad =
        trader.browser.post(
            "/api/v1/keys",
            Api.json(
                "label",
                "x",
                "environment",
                "LIVE",
                "permissions",
                List.of("READ"),
                "password",
                trader.password,
                "ipAllowlist",
                List.of("example.com")));
    assertEquals(400, bad.status());
    assertEquals(
        "ipAllowlist[0]", bad.json().getJsonArray("errors").getJsonObject(0).getString("field"));
  }

  @Test
  void lastUsedTimeAndAddressAreRecorded(Api api) {
    Trader trader = Trader.register(api).login();
    assertEquals(200, trader.ping(trader.firstKey).status());
    JsonObject row = null;
    for (int i = 0; i < 20; i++) {
      row = trader.browser.get("/api/v1/keys").array().getJsonObject(0);
      if (!row.isNull("lastUsedAt")) {
        break;
      }
      RunningServer.sleep(500);
    }
    assertFalse(row.isNull("lastUsedAt"), row.toString());
    assertTrue(
        row.getString("lastUsedIp").equals("127.0.0.1")
            || row.getString("lastUsedIp").contains(":"),
        row.toString());
  }

  @Test
  void aMistypedKeyIsUnauthenticatedLikeAnUnknownOne(Api api) {
    Trader trader = Trader.register(api);
    String typo =
        trader.firstKey.substring(0, 20)
            + (trader.firstKey.charAt(20) == 'A' ? 'B' : 'A')
            + trader.firstKey.substring(21);
    Api.Reply reply = trader.ping(typo);
    assertEquals(401, reply.status());
    assertEquals("UNAUTHENTICATED", reply.code());
  }
}
