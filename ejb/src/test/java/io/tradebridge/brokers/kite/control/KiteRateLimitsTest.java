package io.tradebridge.brokers.kite.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradebridge.brokers.kite.control.KiteRateLimits.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class KiteRateLimitsTest {

  @Test
  void tenOrderCallsOfOneAppAreSpreadOverAtLeastNineTenthsOfASecond() {
    KiteRateLimits limits = new KiteRateLimits();
    long started = System.nanoTime();
    for (int i = 0; i < 10; i++) {
      assertTrue(limits.acquire("app", Kind.ORDER));
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertTrue(millis >= 9 * 105 - 5, "ten order turns in " + millis + " ms");
  }

  @Test
  void aSecondQuoteWithinTheSameSecondWaitsForItsTurn() {
    KiteRateLimits limits = new KiteRateLimits();
    assertTrue(limits.acquire("app", Kind.QUOTE));
    long started = System.nanoTime();
    assertTrue(limits.acquire("app", Kind.QUOTE));
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertTrue(millis >= 1000, "second quote after " + millis + " ms");
  }

  @Test
  void aQuoteThatCannotHaveATurnWithinTwoSecondsIsRefusedAtOnce() throws Exception {
    KiteRateLimits limits = new KiteRateLimits();
    ExecutorService threads = Executors.newFixedThreadPool(3);
    try {
      List<Future<Boolean>> turns = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        turns.add(threads.submit(() -> limits.acquire("app", Kind.QUOTE)));
      }
      int granted = 0;
      for (Future<Boolean> turn : turns) {
        granted += turn.get() ? 1 : 0;
      }
      // Turns at 0 and 1,050 ms; the third would come at 2,100 ms, past the two seconds.
      assertEquals(2, granted);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void appsHaveTheirOwnLimits() {
    KiteRateLimits limits = new KiteRateLimits();
    assertTrue(limits.acquire("one", Kind.QUOTE));
    long started = System.nanoTime();
    assertTrue(limits.acquire("two", Kind.QUOTE));
    assertTrue((System.nanoTime() - started) / 1_000_000 < 100, "another app's quote waits");
  }
}
