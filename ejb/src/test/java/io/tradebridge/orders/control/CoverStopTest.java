package io.tradebridge.orders.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.orders.entity.Side;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CoverStopTest {

  private static final BigDecimal ENTRY = new BigDecimal("100.00");

  @Test
  void aBuyersStopBelowTheEntryProtectsAndOneAboveWouldFireAtOnce() {
    assertDoesNotThrow(() -> RiskCheck.checkCoverStop(Side.BUY, new BigDecimal("95"), ENTRY));

    TradebridgeException e =
        assertThrows(
            TradebridgeException.class,
            () -> RiskCheck.checkCoverStop(Side.BUY, new BigDecimal("101"), ENTRY));
    assertEquals(
        "the cover order's triggerPrice 101 must be below the entry price 100.00", e.detail());
  }

  @Test
  void aSellersStopMustSitAboveTheEntryNotOnIt() {
    assertDoesNotThrow(() -> RiskCheck.checkCoverStop(Side.SELL, new BigDecimal("105"), ENTRY));

    TradebridgeException e =
        assertThrows(
            TradebridgeException.class,
            () -> RiskCheck.checkCoverStop(Side.SELL, new BigDecimal("100.00"), ENTRY));
    assertEquals(
        "the cover order's triggerPrice 100.00 must be above the entry price 100.00", e.detail());
  }
}
