package io.tradebridge.market.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FuturesCalendarTest {

  private static List<String> symbolsOn(LocalDate today) {
    return FuturesCalendar.listed("NIFTY", "NIFTY 50", 75, new BigDecimal("26250"), 1800, today)
        .stream()
        .map(Instrument::symbol)
        .toList();
  }

  @Test
  void monthlyContractsExpireOnTheMonthsLastTuesday() {
    assertEquals(LocalDate.of(2026, 11, 24), FuturesCalendar.expiry(YearMonth.of(2026, 11)));
    assertEquals(LocalDate.of(2026, 12, 29), FuturesCalendar.expiry(YearMonth.of(2026, 12)));
    assertEquals(LocalDate.of(2027, 2, 23), FuturesCalendar.expiry(YearMonth.of(2027, 2)));
  }

  @Test
  void threeContractsAreListedAndTheNearestRollsOffAfterItsExpiryDay() {
    List<String> december =
        List.of("NIFTY_29-DEC-2026_FUT", "NIFTY_26-JAN-2027_FUT", "NIFTY_23-FEB-2027_FUT");
    assertEquals(december, symbolsOn(LocalDate.of(2026, 12, 6)));
    assertEquals(december, symbolsOn(LocalDate.of(2026, 12, 29)), "traded on its expiry day");
    assertEquals(
        List.of("NIFTY_26-JAN-2027_FUT", "NIFTY_23-FEB-2027_FUT", "NIFTY_30-MAR-2027_FUT"),
        symbolsOn(LocalDate.of(2026, 12, 30)));
    Instrument next =
        FuturesCalendar.listed(
                "NIFTY", "NIFTY 50", 75, new BigDecimal("26250"), 1800, LocalDate.of(2026, 12, 6))
            .get(1);
    assertEquals("NIFTY 50 futures Jan 2027", next.name());
    assertEquals(0, new BigDecimal("26407.50").compareTo(next.referencePrice()), "carry");
    assertEquals("FUT", next.instrumentType());
    assertFalse(next.expiredOn(LocalDate.of(2027, 1, 26)));
    assertTrue(next.expiredOn(LocalDate.of(2027, 1, 27)));
  }

  @Test
  void anExpiredSymbolStillTellsItsExpiry() {
    assertEquals(
        Optional.of(LocalDate.of(2026, 11, 24)),
        FuturesCalendar.expiryInSymbol("nifty_24-nov-2026_fut"));
    assertEquals(Optional.empty(), FuturesCalendar.expiryInSymbol("SBIN"));
    assertEquals(Optional.empty(), FuturesCalendar.expiryInSymbol("NIFTY_31-FEB-2026_FUT"));
  }
}
