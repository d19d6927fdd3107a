package io.tradebridge.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnknownKeyThrottleTest {

  @Test
  void anAddressSendingMadeUpKeysIsTurnedAwayForTheRestOfTheSecondOnly() {
    UnknownKeyThrottle throttle = new UnknownKeyThrottle();
    long t = 1_000_000;
    for (int i = 0; i < UnknownKeyThrottle.FAILURES_PER_SECOND; i++) {
      assertEquals(0, throttle.retryAfter("198.51.100.1", t + i));
      throttle.failed("198.51.100.1", t + i);
    }
    assertEquals(1, throttle.retryAfter("198.51.100.1", t + 500));
    assertEquals(
        0, throttle.retryAfter("198.51.100.2", t + 500), "other addresses are not affected");
    assertEquals(0, throttle.retryAfter("198.51.100.1", t + 1000), "the next second starts afresh");
  }
}
