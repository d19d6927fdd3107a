package io.tradebridge.market.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionsCalendarTest {

  private static final LocalDate SUNDAY = LocalDate.of(2026, 12, 6);

  @Test
  void niftyListsTheNextTwoTuesdaysAndTheNextTwoMonthlyExpiries() {
    assertEquals(
        List.of(
            LocalDate.of(2026, 12, 8),
            LocalDate.of(2026, 12, 15),
            LocalDate.of(2026, 12, 29),
            LocalDate.of(2027, 1, 26)),
        OptionsCalendar.expiries(SUNDAY, true));
    assertEquals(
        List.of(LocalDate.of(2026, 12, 29), LocalDate.of(2027, 1, 26)),
        OptionsCalendar.expiries(SUNDAY, false),
        "monthly only");
    assertEquals(
        LocalDate.of(2026, 12, 8),
        OptionsCalendar.expiries(LocalDate.of(2026, 12, 8), true).get(0),
        "traded on its expiry day");
  }

  @Test
  void callsAndPutsAtStrikesEitherSideOfTheMoneyAreNamedLikeTheFutures() {
    List<Instrument> options =
        OptionsCalendar.listed(
            "NIFTY",
            "NIFTY 50",
            75,
            new BigDecimal("26230"),
            1800,
            new BigDecimal("50"),
            true,
            "NFO:NIFTY_29-DEC-2026_FUT",
            SUNDAY,
            Set.of());
    int perExpiry = (2 * OptionsCalendar.STRIKES_EACH_SIDE + 1) * 2;
    assertEquals(4 * perExpiry, options.size());
    Instrument atmCall =
        options.stream()
            .filter(i -> i.symbol().equals("NIFTY_08-DEC-2026_26250_CE"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(options.get(0).symbol()));
    assertEquals("OPT", atmCall.instrumentType());
    assertEquals("CE", atmCall.optionType());
    assertEquals(0, new BigDecimal("26250").compareTo(atmCall.strike()));
    assertEquals(LocalDate.of(2026, 12, 8), atmCall.expiry());
    assertEquals("NFO:NIFTY_29-DEC-2026_FUT", atmCall.underlying());
    assertEquals(75, atmCall.lotSize());
    assertTrue(atmCall.referencePrice().signum() > 0);
    assertTrue(
        options.stream().anyMatch(i -> i.symbol().equals("NIFTY_26-JAN-2027_25950_PE")),
        "six strikes below the money on the far expiry");
  }

  @Test
  void anExpiryOnAnExchangeHolidayMovesToTheTradingDayBefore() {
    Set<LocalDate> holidays = MarketHours.bundledHolidays();
    // 24 November 2026, the month's last Tuesday, is Guru Nanak Jayanti.
    assertEquals(
        LocalDate.of(2026, 11, 23),
        FuturesCalendar.expiry(java.time.YearMonth.of(2026, 11), holidays));
    assertEquals(
        List.of(LocalDate.of(2026, 11, 17), LocalDate.of(2026, 11, 23), LocalDate.of(2026, 12, 29)),
        OptionsCalendar.expiries(LocalDate.of(2026, 11, 16), true, holidays));
    assertTrue(
        InstrumentCatalog.bundled(LocalDate.of(2026, 11, 16))
            .find("NFO", "NIFTY_23-NOV-2026_FUT")
            .isPresent());
  }

  @Test
  void anOptionsSymbolSaysItsExpirySoAnExpiredOneIsRefusedSayingSo() {
    assertEquals(
        java.util.Optional.of(LocalDate.of(2026, 12, 1)),
        FuturesCalendar.expiryInSymbol("NIFTY_01-DEC-2026_26250_CE"));
    assertEquals(
        java.util.Optional.empty(), FuturesCalendar.expiryInSymbol("NIFTY_01-DEC-2026_26250_XX"));
  }

  @Test
  void theBundledListHasNiftyWeeklyAndBankNiftyMonthlyOptions() {
    InstrumentCatalog catalog = InstrumentCatalog.bundled(SUNDAY);
    assertTrue(catalog.find("NFO", "NIFTY_15-DEC-2026_26250_PE").isPresent());
    assertTrue(catalog.find("NFO", "BANKNIFTY_29-DEC-2026_59300_CE").isPresent());
    assertTrue(
        catalog.find("NFO", "BANKNIFTY_15-DEC-2026_59300_CE").isEmpty(),
        "no weekly BANKNIFTY options (NSE ended them in November 2024)");
  }
}
