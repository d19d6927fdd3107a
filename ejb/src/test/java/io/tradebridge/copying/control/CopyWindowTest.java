package io.tradebridge.copying.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CopyWindowTest {

  /** 09:30 in India is 04:00 UTC. */
  private static Instant india(String hhmm) {
    return java.time.LocalDate.of(2026, 12, 4)
        .atTime(java.time.LocalTime.parse(hhmm))
        .atZone(CopyWindow.MARKET_ZONE)
        .toInstant();
  }

  @Test
  void theWindowIsHoursOfTheDayInIndiaWithTheEndLeftOut() {
    CopyWindow market = CopyWindow.of("09:15", "15:30");
    assertTrue(market.contains(india("09:15")));
    assertTrue(market.contains(india("15:29")));
    assertFalse(market.contains(india("15:30")));
    assertFalse(market.contains(india("09:14")));
    assertEquals(Instant.parse("2026-12-04T04:00:00Z"), india("09:30"));
  }

  @Test
  void anOpenEndAndAWindowOverMidnight() {
    assertTrue(CopyWindow.of(null, null).contains(india("03:00")));
    assertTrue(CopyWindow.of("10:00", null).contains(india("23:59")));
    assertFalse(CopyWindow.of("10:00", null).contains(india("09:59")));
    assertTrue(CopyWindow.of(null, "10:00").contains(india("00:00")));
    CopyWindow night = CopyWindow.of("22:00", "02:00");
    assertTrue(night.contains(india("23:00")));
    assertTrue(night.contains(india("01:59")));
    assertFalse(night.contains(india("12:00")));
  }

  @Test
  void aTimeThatIsNotHoursAndMinutesIsRefusedSayingHow() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CopyWindow.parse("9:15am"));
    assertEquals("must be a time of day as HH:mm, like 09:15", e.getMessage());
    assertEquals("09:15–the day's end", CopyWindow.of("09:15", "").toString());
  }
}
