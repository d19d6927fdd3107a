package io.tradebridge.protection.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tradebridge.protection.entity.RateRule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MemoryRateWindowsTest {

  private static final Instant T0 = Instant.parse("2026-11-23T09:15:00Z");
  private static final RateRule KEY = new RateRule("orders per key", 10, Duration.ofSeconds(1));
  private static final RateRule USER = new RateRule("requests per user", 12, Duration.ofSeconds(5));

  private static List<RateCharge> charges(String key) {
    return List.of(new RateCharge("k:" + key, KEY, 1), new RateCharge("u:user", USER, 1));
  }

  @Test
  void aRefusalTakesFromNoCounterAndNamesTheFullOne() {
    MemoryRateWindows windows = new MemoryRateWindows();
    for (int i = 0; i < 10; i++) {
      assertNull(windows.take(charges("a"), T0));
    }
    MemoryRateWindows.Refusal byKey = windows.take(charges("a"), T0.plusMillis(10));
    assertNotNull(byKey);
    assertEquals(KEY, byKey.rule());
    // Key b has room, and so has the user (10 of 12): the refused request above took nothing from
    // the user.
    assertNull(windows.take(charges("b"), T0.plusMillis(20)));
    assertNull(windows.take(charges("b"), T0.plusMillis(30)));
    MemoryRateWindows.Refusal byUser = windows.take(charges("b"), T0.plusMillis(40));
    assertEquals(USER, byUser.rule());
    assertEquals(Duration.ofMillis(4960), byUser.retryAfter());
  }

  @Test
  void manyThreadsAtOnceNeverGetMoreThanTheLimit() throws Exception {
    MemoryRateWindows windows = new MemoryRateWindows();
    AtomicInteger granted = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (int i = 0; i < 1000; i++) {
      pool.submit(
          () -> {
            if (windows.take(charges("c"), T0) == null) {
              granted.incrementAndGet();
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.SECONDS);
    assertEquals(10, granted.get());
  }
}
