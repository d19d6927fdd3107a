package io.tradebridge.brokers.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradebridge.market.control.MarketHours;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExpirySettlementTest {

  private static final LocalDate EXPIRY = LocalDate.of(2026, 12, 8);

  private static MarketHours.Status at(MarketHours.Mode mode, String india) {
    return new MarketHours(mode, Set.of())
        .at(LocalDateTime.parse(india).atZone(MarketHours.INDIA).toInstant());
  }

  @Test
  void underExchangeHoursAContractSettlesAtItsExpiryDaysClose() {
    assertFalse(
        ExpirySettlement.closed(EXPIRY, at(MarketHours.Mode.EXCHANGE, "2026-12-08T15:29:59")));
    assertTrue(
        ExpirySettlement.closed(EXPIRY, at(MarketHours.Mode.EXCHANGE, "2026-12-08T15:30:00")));
    assertFalse(
        ExpirySettlement.closed(EXPIRY, at(MarketHours.Mode.EXCHANGE, "2026-12-07T16:00:00")));
  }

  @Test
  void openAtAllHoursAContractTradesUntilTheEndOfItsExpiryDay() {
    assertFalse(
        ExpirySettlement.closed(EXPIRY, at(MarketHours.Mode.ALWAYS, "2026-12-08T23:59:59")));
    assertTrue(ExpirySettlement.closed(EXPIRY, at(MarketHours.Mode.ALWAYS, "2026-12-09T00:00:00")));
  }
}
