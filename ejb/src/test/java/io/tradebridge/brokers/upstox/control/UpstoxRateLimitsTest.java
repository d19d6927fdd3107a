package io.tradebridge.brokers.upstox.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UpstoxRateLimitsTest {

  @Test
  void fiftyCallsGoAtOnceAndTheFiftyFirstWaitsForItsTurn() {
    UpstoxRateLimits limits = new UpstoxRateLimits();
    long started = System.nanoTime();
    for (int i = 0; i < 50; i++) {
      assertTrue(limits.acquire("client", UpstoxRateLimits.Kind.ORDER));
    }
    long burst = System.nanoTime() - started;
    assertTrue(limits.acquire("client", UpstoxRateLimits.Kind.ORDER));
    long fiftyFirst = System.nanoTime() - started;
    assertTrue(fiftyFirst - burst >= 15_000_000L, "waited " + (fiftyFirst - burst) + " ns");
  }
}
