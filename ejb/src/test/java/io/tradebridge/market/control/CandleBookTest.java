package io.tradebridge.market.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandleBookTest {

  /** 09:15:00 in India. */
  private static final Instant OPEN = Instant.parse("2026-12-04T03:45:00Z");

  private static BigDecimal p(String v) {
    return new BigDecimal(v);
  }

  @Test
  void pricesWithinAMinuteMakeOneBarWithItsRangeAndTheVolumeTraded() {
    CandleBook book = new CandleBook();
    book.record("NSE:SBIN", p("800"), 1000, OPEN);
    book.record("NSE:SBIN", p("803"), 1500, OPEN.plusSeconds(20));
    book.record("NSE:SBIN", p("799"), 1700, OPEN.plusSeconds(40));
    book.record("NSE:SBIN", p("801"), 2000, OPEN.plusSeconds(60));
    List<CandleBook.Candle> bars =
        book.candles("NSE:SBIN", Duration.ofMinutes(1), OPEN, OPEN.plusSeconds(120), 100);
    assertEquals(2, bars.size());
    assertEquals(
        new CandleBook.Candle(OPEN, p("800"), p("803"), p("799"), p("799"), 700), bars.get(0));
    assertEquals(p("801"), bars.get(1).open());
    assertEquals(300, bars.get(1).volume());
  }

  @Test
  void longerIntervalsRollUpOnIndiasClockAndTheLatestAreKept() {
    CandleBook book = new CandleBook();
    for (int minute = 0; minute < 40; minute++) {
      book.record(
          "NSE:ITC", p(String.valueOf(400 + minute)), minute * 10L, OPEN.plusSeconds(60L * minute));
    }
    List<CandleBook.Candle> quarter =
        book.candles("NSE:ITC", Duration.ofMinutes(15), OPEN, OPEN.plusSeconds(3600), 100);
    assertEquals(3, quarter.size(), "09:15, 09:30, 09:45");
    assertEquals(OPEN, quarter.get(0).time());
    assertEquals(p("400"), quarter.get(0).open());
    assertEquals(p("414"), quarter.get(0).close());
    assertEquals(p("414"), quarter.get(0).high());
    assertEquals(140, quarter.get(0).volume(), "minutes 1 to 14, 10 each");
    List<CandleBook.Candle> hour =
        book.candles("NSE:ITC", Duration.ofHours(1), OPEN, OPEN.plusSeconds(3600), 100);
    assertEquals(Instant.parse("2026-12-04T03:30:00Z"), hour.get(0).time(), "09:00 in India");
    List<CandleBook.Candle> day =
        book.candles("NSE:ITC", Duration.ofDays(1), OPEN, OPEN.plusSeconds(3600), 100);
    assertEquals(1, day.size());
    assertEquals(p("439"), day.get(0).close());
    assertEquals(
        2, book.candles("NSE:ITC", Duration.ofMinutes(1), OPEN, OPEN.plusSeconds(3600), 2).size());
    assertEquals(
        List.of(), book.candles("NSE:TCS", Duration.ofMinutes(1), OPEN, OPEN.plusSeconds(60), 10));
  }
}
