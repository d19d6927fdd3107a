package io.tradebridge.protection.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateWindowTest {

  private static final Instant T0 = Instant.parse("2026-11-23T09:15:00Z");
  private static final RateRule TEN_A_SECOND =
      new RateRule("orders per key", 10, Duration.ofSeconds(1));

  @Test
  void tenInASecondPassAndTheEleventhWaitsForTheRestOfTheSecond() {
    RateWindow w = new RateWindow("k");
    for (int i = 0; i < 10; i++) {
      assertEquals(Duration.ZERO, w.take(1, TEN_A_SECOND, T0.plusMillis(i * 50)));
    }
    assertEquals(Duration.ofMillis(300), w.take(1, TEN_A_SECOND, T0.plusMillis(700)));
    assertEquals(10, w.hits(), "a refused request takes nothing");
    assertEquals(
        Duration.ZERO,
        w.take(1, TEN_A_SECOND, T0.plusMillis(1000)),
        "a new window opens at the second");
    assertEquals(1, w.hits());
  }

  @Test
  void aBatchTakesOnePerOrderAndIsRefusedWholeWhenItDoesNotFit() {
    RateWindow w = new RateWindow("k");
    assertEquals(Duration.ZERO, w.take(7, TEN_A_SECOND, T0));
    assertEquals(Duration.ofMillis(900), w.take(4, TEN_A_SECOND, T0.plusMillis(100)));
    assertEquals(Duration.ZERO, w.take(3, TEN_A_SECOND, T0.plusMillis(100)));
    assertEquals(
        Duration.ofSeconds(1),
        new RateWindow("k").take(11, TEN_A_SECOND, T0),
        "more than the limit at once can never pass");
  }

  @Test
  void sixEmailsAnHourThenNothingUntilTheHourIsOver() {
    RateRule sixAnHour = new RateRule("e-mails per user", 6, Duration.ofHours(1));
    RateWindow w = new RateWindow("m");
    for (int i = 0; i < 6; i++) {
      assertEquals(Duration.ZERO, w.take(1, sixAnHour, T0.plus(Duration.ofMinutes(i * 5L))));
    }
    assertEquals(Duration.ofMinutes(5), w.take(1, sixAnHour, T0.plus(Duration.ofMinutes(55))));
    assertEquals(Duration.ZERO, w.take(1, sixAnHour, T0.plus(Duration.ofMinutes(60))));
  }

  @Test
  void describesTheRuleInWordsATraderReads() {
    assertEquals("10 per second", TEN_A_SECOND.describe());
    assertEquals("20 per minute", new RateRule("webhook", 20, Duration.ofMinutes(1)).describe());
    assertEquals("200 per 5 s", new RateRule("user", 200, Duration.ofSeconds(5)).describe());
  }
}
