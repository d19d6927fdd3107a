package io.tradebridge.brokers.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PriceCacheTest {

  private Instant now = Instant.parse("2026-12-07T04:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public java.time.ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  @Test
  void aSecondAskWithinTheSecondIsAnsweredWithoutAskingKite() {
    PriceCache cache = new PriceCache(clock);
    AtomicInteger asked = new AtomicInteger();
    cache.lastPrice("NSE:SBIN", () -> price(asked, "470.50"));
    now = now.plusMillis(900);
    assertEquals(
        Optional.of(new BigDecimal("470.50")),
        cache.lastPrice("NSE:SBIN", () -> price(asked, "471.00")));
    assertEquals(1, asked.get());
  }

  @Test
  void aPriceOlderThanASecondIsAskedAgain() {
    PriceCache cache = new PriceCache(clock);
    AtomicInteger asked = new AtomicInteger();
    cache.lastPrice("NSE:SBIN", () -> price(asked, "470.50"));
    now = now.plus(Duration.ofMillis(1100));
    assertEquals(
        Optional.of(new BigDecimal("471.00")),
        cache.lastPrice("NSE:SBIN", () -> price(asked, "471.00")));
    assertEquals(2, asked.get());
  }

  @Test
  void manyAskingAtOnceShareOneLookUp() throws Exception {
    PriceCache cache = new PriceCache(clock);
    AtomicInteger asked = new AtomicInteger();
    CountDownLatch kiteAnswers = new CountDownLatch(1);
    ExecutorService traders = Executors.newFixedThreadPool(8);
    try {
      List<Future<Optional<BigDecimal>>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(
            traders.submit(
                () ->
                    cache.lastPrice(
                        "NSE:SBIN",
                        () -> {
                          await(kiteAnswers);
                          return price(asked, "470.50");
                        })));
      }
      Thread.sleep(200);
      kiteAnswers.countDown();
      for (Future<Optional<BigDecimal>> answer : answers) {
        assertEquals(Optional.of(new BigDecimal("470.50")), answer.get(5, TimeUnit.SECONDS));
      }
      assertEquals(1, asked.get());
    } finally {
      traders.shutdownNow();
    }
  }

  @Test
  void otherInstrumentsAreAskedForThemselves() {
    PriceCache cache = new PriceCache(clock);
    AtomicInteger asked = new AtomicInteger();
    cache.lastPrice("NSE:SBIN", () -> price(asked, "470.50"));
    assertEquals(
        Optional.of(new BigDecimal("1500.00")),
        cache.lastPrice("NSE:INFY", () -> price(asked, "1500.00")));
    assertEquals(2, asked.get());
  }

  private static Optional<BigDecimal> price(AtomicInteger asked, String price) {
    asked.incrementAndGet();
    return Optional.of(new BigDecimal(price));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
