package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class LockoutIT {

  @Test
  void fiveWrongPasswordsLockTheLoginEvenForTheRightOne(Api api) {
    Trader trader = Trader.register(api);
    for (int i = 0; i < 5; i++) {
      Api.Reply wrong =
          api.fresh()
              .post(
                  "/api/v1/auth/login",
                  Api.json("username", trader.username, "password", "wrong password " + i));
      assertEquals(401, wrong.status(), "attempt " + (i + 1) + ": " + wrong);
    }
    Api.Reply locked =
        api.fresh()
            .post(
                "/api/v1/auth/login",
                Api.json("username", trader.username, "password", trader.password));
    assertEquals(429, locked.status(), locked.toString());
    assertEquals("RATE_LIMITED", locked.code());
    String retryAfter = locked.header("Retry-After");
    assertNotNull(retryAfter);
    long seconds = Long.parseLong(retryAfter);
    assertTrue(seconds >= 1 && seconds <= 30, retryAfter);
  }

  @Test
  void failedStepUpPasswordsCountTowardsTheLock(Api api) {
    Trader trader = Trader.register(api).login();
    for (int i = 0; i < 5; i++) {
      assertEquals(
          401,
          trader
              .browser
              .post(
                  "/api/v1/keys/" + trader.firstKeyId + "/reveal",
                  Api.json("password", "guess " + i))
              .status());
    }
    Api.Reply locked =
        trader.browser.post(
            "/api/v1/keys/" + trader.firstKeyId + "/reveal", Api.json("password", trader.password));
    assertEquals(429, locked.status(), locked.toString());
    assertNotNull(locked.header("Retry-After"));
  }

  private static Api.Reply loginFrom(Api api, String address, String username, String password) {
    return api.fresh()
        .post(
            "/api/v1/auth/login",
            Api.json("username", username, "password", password),
            "X-Forwarded-For",
            address);
  }

  private static String someAddress() {
    return "203.0.113." + (1 + (int) (System.nanoTime() % 250));
  }

  @Test
  void aStrangerFailingOnPurposeLocksOnlyTheirOwnAddress(Api api) {
    Trader owner = Trader.register(api);
    String stranger = someAddress();
    for (int i = 0; i < 7; i++) {
      loginFrom(api, stranger, owner.username, "guess " + i);
    }
    assertEquals(
        429,
        loginFrom(api, stranger, owner.username, owner.password).status(),
        "the stranger's address is locked, even with the right password");
    Api.Reply fromHome = loginFrom(api, "198.51.100.42", owner.username, owner.password);
    assertEquals(200, fromHome.status(), "the owner signs in from their own address: " + fromHome);
  }

  @Test
  void wrongGuessesSentAllAtOnceGetFiveTriesNotTwenty(Api api) throws Exception {
    Trader owner = Trader.register(api);
    String attacker = someAddress();
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(20);
    try {
      java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
      for (int i = 0; i < 20; i++) {
        int n = i;
        answers.add(
            pool.submit(
                () -> loginFrom(api, attacker, owner.username, "parallel guess " + n).status()));
      }
      int tried = 0;
      for (java.util.concurrent.Future<Integer> answer : answers) {
        int status = answer.get();
        assertTrue(status == 401 || status == 429, "status " + status);
        tried += status == 401 ? 1 : 0;
      }
      assertTrue(
          tried <= 5,
          tried + " guesses were checked; the lock allows 5 before the first is counted");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theKillSwitchTakesARecoveryCodeWhenThePasswordIsLocked(Api api) {
    Trader owner = Trader.register(api).login().enableTwoFactor(true, false);
    for (int i = 0; i < 5; i++) {
      assertEquals(
          401,
          owner
              .browser
              .post("/api/v1/security/kill-switch", Api.json("password", "guess " + i))
              .status());
    }
    Api.Reply locked =
        owner.browser.post("/api/v1/security/kill-switch", Api.json("password", owner.password));
    assertEquals(429, locked.status(), locked.toString());

    assertEquals(
        401,
        owner
            .browser
            .post("/api/v1/security/kill-switch", Api.json("recoveryCode", "aaaaa-bbbbb"))
            .status());
    Api.Reply pulled =
        owner.browser.post(
            "/api/v1/security/kill-switch", Api.json("recoveryCode", owner.recoveryCodes.get(0)));
    assertEquals(200, pulled.status(), pulled.toString());
    assertEquals(401, owner.ping(owner.firstKey).status(), "every key revoked");
    assertEquals(
        401,
        owner
            .browser
            .post(
                "/api/v1/security/kill-switch",
                Api.json("recoveryCode", owner.recoveryCodes.get(0)))
            .status(),
        "a recovery code works once");
  }
}
