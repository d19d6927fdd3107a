package io.tradebridge.brokers.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class IndianTradingDayTest {

  @Test
  void aSessionOpenedInTheEveningEndsNextMorningInIndia() {
    // 20:00 in India on 5 December
    Instant evening = Instant.parse("2026-12-05T14:30:00Z");
    assertEquals(
        Instant.parse("2026-12-06T00:30:00Z"),
        IndianTradingDay.nextSessionEnd(evening, LocalTime.of(6, 0)));
    assertEquals(
        Instant.parse("2026-12-05T22:00:00Z"),
        IndianTradingDay.nextSessionEnd(evening, LocalTime.of(3, 30)));
  }

  @Test
  void aSessionOpenedBeforeTheMorningEndEndsThatSameMorning() {
    // 05:00 in India on 6 December: Kite's 6:00 is an hour away, Upstox's 3:30 has passed
    Instant early = Instant.parse("2026-12-05T23:30:00Z");
    assertEquals(
        Instant.parse("2026-12-06T00:30:00Z"),
        IndianTradingDay.nextSessionEnd(early, LocalTime.of(6, 0)));
    assertEquals(
        Instant.parse("2026-12-06T22:00:00Z"),
        IndianTradingDay.nextSessionEnd(early, LocalTime.of(3, 30)));
    assertEquals(LocalDate.of(2026, 12, 6), IndianTradingDay.dateAt(early));
  }
}
