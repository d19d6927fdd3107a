package io.tradebridge.market.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradebridge.market.control.MarketHours.Mode;
import io.tradebridge.market.control.MarketHours.Phase;
import io.tradebridge.market.control.MarketHours.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarketHoursTest {

  private final MarketHours nse = new MarketHours(Mode.EXCHANGE, MarketHours.bundledHolidays());

  private static Instant india(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(MarketHours.INDIA).toInstant();
  }

  @Test
  void aWeekdayIsOpenFromQuarterPastNineToHalfPastThreeIndiaTime() {
    Status open = nse.at(india("2026-12-07T09:15:00"));
    assertEquals(Phase.OPEN, open.phase());
    assertTrue(open.matching());
    assertEquals(india("2026-12-07T15:30:00"), open.closesAt());
    assertEquals(india("2026-12-07T15:20:00"), open.squareOffAt());
    assertNull(open.opensAt());
    assertEquals(Phase.OPEN, nse.at(india("2026-12-07T15:29:59")).phase());
    Status closed = nse.at(india("2026-12-07T15:30:00"));
    assertEquals(Phase.CLOSED, closed.phase());
    assertEquals("AFTER_CLOSE", closed.reason());
    assertEquals(india("2026-12-08T09:15:00"), closed.opensAt());
  }

  @Test
  void ordersTakenFromNineWaitForTheOpen() {
    Status before = nse.at(india("2026-12-07T08:59:59"));
    assertEquals("BEFORE_OPEN", before.reason());
    assertEquals(india("2026-12-07T09:15:00"), before.opensAt());
    Status preOpen = nse.at(india("2026-12-07T09:00:00"));
    assertEquals(Phase.PRE_OPEN, preOpen.phase());
    assertFalse(preOpen.matching());
  }

  @Test
  void aFridayEveningOpensOnMondayAndAHolidayIsSkipped() {
    Status saturday = nse.at(india("2026-12-05T11:00:00"));
    assertEquals(Phase.CLOSED, saturday.phase());
    assertEquals("WEEKEND", saturday.reason());
    assertEquals(india("2026-12-07T09:15:00"), saturday.opensAt());
    // Christmas 2026 is a Friday: Thursday evening opens on Monday the 28th.
    assertEquals(india("2026-12-28T09:15:00"), nse.at(india("2026-12-24T16:00:00")).opensAt());
    Status christmas = nse.at(india("2026-12-25T11:00:00"));
    assertEquals("HOLIDAY", christmas.reason());
    assertFalse(nse.tradingDay(LocalDate.of(2026, 11, 24)), "Guru Nanak Jayanti");
  }

  @Test
  void alwaysIsOpenAtMidnightAndSquaresNothingOff() {
    Status midnight = new MarketHours(Mode.ALWAYS, Set.of()).at(india("2026-12-05T23:40:00"));
    assertTrue(midnight.matching());
    assertEquals("ALWAYS_OPEN", midnight.reason());
    assertNull(midnight.squareOffAt());
  }

  @Test
  void aModeOtherThanExchangeOrAlwaysIsRefusedSayingWhichAreAllowed() {
    assertEquals(Mode.EXCHANGE, Mode.of(" Exchange "));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Mode.of("24x7"));
    assertTrue(e.getMessage().contains("exchange (the default) or always"), e.getMessage());
  }

  @Test
  void anOperatorsHolidayListNamesTheLineItCannotRead(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("holidays.txt");
    Files.writeString(file, "# 2027\n2027-01-26 Republic Day\n2027-02-30 no such day\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MarketHours.holidays(file));
    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    Files.writeString(file, "2027-01-26 Republic Day\n");
    assertEquals(Set.of(LocalDate.of(2027, 1, 26)), MarketHours.holidays(file));
  }
}
