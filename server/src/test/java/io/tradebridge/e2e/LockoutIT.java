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
      Api.Reply wrong = api.fresh().post("/api/v1/auth/login", Api.json("username", trader.username, "password", "wrong password " + i));
      assertEquals(401, wrong.status(), "attempt " + (i + 1) + ": " + wrong);
    }
    Api.Reply locked = api.fresh().post("/api/v1/auth/login", Api.json("username", trader.username, "password", trader.password));
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
      assertEquals(401, trader.browser.post("/api/v1/keys/" + trader.firstKeyId + "/reveal",
          Api.json("password", "guess " + i)).status());
    }
    Api.Reply locked = trader.browser.post("/api/v1/keys/" + trader.firstKeyId + "/reveal", Api.json("password", trader.password));
    assertEquals(429, locked.status(), locked.toString());
    assertNotNull(locked.header("Retry-After"));
  }
}
