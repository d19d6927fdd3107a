package io.tradebridge.users.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AddressGuardTest {

  private final Instant start = Instant.parse("2026-12-04T10:00:00Z");

  /** One sequential attempt: claimed, then found wrong. */
  private static Duration wrong(AddressGuard guard, Instant now) {
    assertEquals(Duration.ZERO, guard.claim(now), "the attempt may be made");
    return guard.failed(now);
  }

  @Test
  void fourFailuresAreFreeAndTheFifthLocksForThirtySeconds() {
    AddressGuard guard = new AddressGuard("u", "198.51.100.7");
    for (int i = 0; i < 4; i++) {
      assertEquals(Duration.ZERO, wrong(guard, start));
    }
    assertEquals(Duration.ofSeconds(30), wrong(guard, start));
    assertEquals(
        Duration.ofSeconds(10),
        guard.claim(start.plusSeconds(20)),
        "refused while locked, nothing counted");
    assertEquals(
        Duration.ofSeconds(60),
        wrong(guard, start.plusSeconds(30)),
        "the next failure doubles the lock");
  }

  @Test
  void eachFurtherFailureDoublesTheLockUpToAnHour() {
    AddressGuard guard = new AddressGuard("u", "198.51.100.7");
    Instant t = start;
    Duration lock = Duration.ZERO;
    for (int i = 0; i < 20; i++) {
      t = t.plus(lock);
      lock = wrong(guard, t);
    }
    assertEquals(AddressGuard.LONGEST_LOCK, lock);
  }

  @Test
  void guessesSentAllAtOnceGetFiveTriesNotTwenty() {
    AddressGuard guard = new AddressGuard("u", "198.51.100.7");
    int admitted = 0;
    for (int i = 0; i < 20; i++) {
      if (guard.claim(start).isZero()) {
        admitted++; // none has been found wrong yet: each takes a slow hash
      }
    }
    assertEquals(AddressGuard.FREE_FAILURES, admitted);
    assertTrue(
        guard.claim(start.plus(AddressGuard.IN_FLIGHT)).isZero(),
        "claims nobody settled (a crash mid-check) stop blocking after a minute");
  }

  @Test
  void aSuccessEndsTheRunAndAReleasedAttemptCostsNothing() {
    AddressGuard guard = new AddressGuard("u", "198.51.100.7");
    for (int i = 0; i < 4; i++) {
      wrong(guard, start);
    }
    guard.claim(start);
    guard.released(); // the password was right and the code step follows
    assertEquals(4, guard.attempts());
    guard.claim(start);
    guard.succeeded();
    assertEquals(Duration.ZERO, wrong(guard, start), "a fresh run of five");
  }

  @Test
  void eachAddressHasItsOwnRow() {
    assertEquals("u@198.51.100.7", AddressGuard.idOf("u", "198.51.100.7"));
    assertEquals("u@unknown", AddressGuard.idOf("u", null));
    assertTrue(
        AddressGuard.idOf(
                    "01a241e4-13b7-7a86-8369-623549d8e042",
                    "2001:db8:85a3:0:0:8a2e:370:7334%eth0-long-zone-name")
                .length()
            <= 100);
  }
}
