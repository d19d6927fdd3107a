package io.tradebridge.users.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginGuardTest {

  private final Instant start = Instant.parse("2026-11-23T10:00:00Z");

  @Test
  void spreadFailuresLockTheWholeAccountOnlyAtTheHourlyCap() {
    LoginGuard guard = new LoginGuard("u");
    for (int i = 0; i < LoginGuard.HOURLY_CAP - 1; i++) {
      assertEquals(Duration.ZERO, guard.recordFailure(start.plusSeconds(i)), "failure " + (i + 1));
    }
    assertEquals(
        Duration.ofHours(1).minusSeconds(LoginGuard.HOURLY_CAP - 1),
        guard.recordFailure(start.plusSeconds(LoginGuard.HOURLY_CAP - 1)));
    assertEquals(Duration.ZERO, guard.lockRemaining(start.plus(Duration.ofHours(1))));
  }

  @Test
  void neverMoreThanAHundredFailuresAnHour() {
    LoginGuard guard = new LoginGuard("u");
    Instant t = start;
    int allowed = 0;
    while (t.isBefore(start.plus(Duration.ofHours(1)))) {
      if (guard.lockRemaining(t).isZero()) {
        guard.recordFailure(t);
        allowed++;
        if (allowed % 3 == 0) {
          guard.recordSuccess();
        }
      }
      t = t.plusSeconds(1);
    }
    assertTrue(allowed <= LoginGuard.HOURLY_CAP, "allowed " + allowed);
  }
}
