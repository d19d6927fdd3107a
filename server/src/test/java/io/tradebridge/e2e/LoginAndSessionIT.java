package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class LoginAndSessionIT {

  @Test
  void registrationShowsTheFirstKeyOnceAndItAnswersPing(Api api) {
    Trader trader = Trader.register(api);
    assertTrue(trader.firstKey.startsWith("tb_live_"), trader.firstKey);
    assertEquals(46, trader.firstKey.length());

    Api.Reply pong = trader.ping(trader.firstKey);
    assertEquals(200, pong.status(), pong.toString());
    assertEquals("ok", pong.json().getString("status"));
    assertEquals(trader.userId, pong.json().getString("userId"));
    assertEquals(trader.firstKeyId, pong.json().getString("keyId"));
    assertEquals("LIVE", pong.json().getString("environment"));
    assertEquals(2, pong.json().getJsonArray("permissions").size());
  }

  @Test
  void aTakenUsernameIsAConflictWhateverItsCase(Api api) {
    Trader trader = Trader.register(api);
    Api.Reply again =
        api.fresh()
            .post(
                "/api/v1/auth/register",
                Api.json(
                    "username",
                    trader.username.toUpperCase(),
                    "email",
                    "x@example.com",
                    "password",
                    "another long password"));
    assertEquals(409, again.status(), again.toString());
    assertEquals("CONFLICT", again.code());
  }

  @Test
  void loginGivesAnHttpOnlyStrictCookieAndMeCarriesOn(Api api) {
    Trader trader = Trader.register(api);
    Api.Reply login =
        trader.browser.post(
            "/api/v1/auth/login",
            Api.json("username", trader.username, "password", trader.password));
    assertEquals(200, login.status(), login.toString());
    String cookie = login.header("Set-Cookie");
    assertNotNull(cookie);
    assertTrue(cookie.contains("HttpOnly"), cookie);
    assertTrue(cookie.toLowerCase().contains("samesite=strict"), cookie);

    Api.Reply me = trader.browser.get("/api/v1/me");
    assertEquals(200, me.status(), me.toString());
    assertEquals(trader.username, me.json().getString("username"));
    assertEquals(login.json().getString("csrfToken"), me.json().getString("csrfToken"));
    assertFalse(me.json().getJsonObject("totp").getBoolean("login"));
  }

  @Test
  void aSessionWriteWithoutTheCsrfTokenIsRefused(Api api) {
    Trader trader = Trader.register(api);
    trader.login();
    trader.browser.useCsrf(null);
    Api.Reply revoke = trader.browser.delete("/api/v1/keys/" + trader.firstKeyId);
    assertEquals(403, revoke.status(), revoke.toString());
    assertEquals("CSRF", revoke.code());
    assertEquals(
        200, trader.ping(trader.firstKey).status(), "the key still works: nothing changed");
  }

  @Test
  void logoutEndsTheSession(Api api) {
    Trader trader = Trader.register(api).login();
    assertEquals(204, trader.browser.post("/api/v1/auth/logout", null).status());
    Api.Reply me = trader.browser.get("/api/v1/me");
    assertEquals(401, me.status(), me.toString());
    assertEquals("UNAUTHENTICATED", me.code());
  }

  @Test
  void aWrongPasswordAndAnUnknownUserGetTheSameAnswer(Api api) {
    Trader trader = Trader.register(api);
    Api.Reply wrongPassword =
        api.fresh()
            .post(
                "/api/v1/auth/login",
                Api.json("username", trader.username, "password", "not the password at all"));
    Api.Reply unknownUser =
        api.fresh()
            .post(
                "/api/v1/auth/login",
                Api.json(
                    "username",
                    "nobody" + System.nanoTime(),
                    "password",
                    "not the password at all"));
    assertEquals(401, wrongPassword.status());
    assertEquals(401, unknownUser.status());
    assertEquals(wrongPassword.json().getString("detail"), unknownUser.json().getString("detail"));
  }

  @Test
  void anApiKeyCannotReachSessionOnlyEndpoints(Api api) {
    Trader trader = Trader.register(api);
    for (String path : new String[] {"/api/v1/keys", "/api/v1/me"}) {
      Api.Reply reply = api.fresh().get(path, "X-API-Key", trader.firstKey);
      assertEquals(403, reply.status(), path + " " + reply);
      assertEquals("SESSION_REQUIRED", reply.code());
    }
  }

  @Test
  void anApiKeyIsNeverAcceptedAsABearerToken(Api api) {
    Trader trader = Trader.register(api);
    Api.Reply reply = api.fresh().get("/api/v1/ping", "Authorization", "Bearer " + trader.firstKey);
    assertEquals(401, reply.status(), reply.toString());
  }
}
