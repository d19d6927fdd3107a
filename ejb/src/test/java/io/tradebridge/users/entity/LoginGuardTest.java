package io.tradebridge.users.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginGuardTest {

  private final Instant start = Instant.parse("2026-11-23T10:00:00Z");

  @Test
  void fourFailuresAreFreeAndTheFifthLocksForThirtySeconds() {
    LoginGuard guard = new LoginGuard("u");
    for (int i = 0; i < 4; i++) {
      assertEquals(Duration.ZERO, guard.recordFailure(start));
    }
    assertEquals(Duration.ofSeconds(30), guard.recordFailure(start));
    assertEquals(Duration.ofSeconds(10), guard.lockRemaining(start.plusSeconds(20)));
    assertEquals(Duration.ZERO, guard.lockRemaining(start.plusSeconds(30)));
  }

  @Test
  void eachFurtherFailureDoublesTheLockUpToAnHour() {
    LoginGuard guard = new LoginGuard("u");
    Instant t = start;
    for (int i = 0; i < 5; i++) {
      guard.recordFailure(t);
    }
    assertEquals(Duration.ofSeconds(60), guard.recordFailure(t = t.plusSeconds(31)));
    assertEquals(Duration.ofSeconds(120), guard.recordFailure(t = t.plusSeconds(61)));
    for (int i = 0; i < 10; i++) {
      guard.recordFailure(t = t.plus(guard.lockRemaining(t)).plusSeconds(1));
    }
    assertEquals(LoginGuard.LONGEST_LOCK, guard.lockRemaining(t));
  }

  @Test
  void successResetsTheCount() {
    LoginGuard guard = new LoginGuard("u");
    for (int i = 0; i < 4; i++) {
      guard.recordFailure(start);
    }
    guard.recordSuccess();
    assertEquals(Duration.ZERO, guard.recordFailure(start));
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
