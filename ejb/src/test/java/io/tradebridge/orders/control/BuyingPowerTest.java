package io.tradebridge.orders.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.orders.entity.ProductType;
import io.tradebridge.orders.entity.Side;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class BuyingPowerTest {

  private static final BuyingPower.Position SBIN =
      new BuyingPower.Position("NSE", "SBIN", ProductType.DELIVERY);
  private static final BuyingPower.Position SBIN_INTRADAY =
      new BuyingPower.Position("NSE", "SBIN", ProductType.INTRADAY);

  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  @Test
  void restingOrdersAndFillsUseUpWhatIsAvailable() {
    BuyingPower power = new BuyingPower(d("100000"), BigDecimal.ZERO);
    power.check(SBIN, Side.BUY, 100, d("600"));
    power.filled(SBIN, Side.BUY, 100, d("600"));
    power.resting(SBIN, 50, d("500"));
    assertEquals(0, d("15000").compareTo(power.available()), power.available().toPlainString());

    TradebridgeException refused =
        assertThrows(TradebridgeException.class, () -> power.check(SBIN, Side.BUY, 40, d("500")));
    assertTrue(
        refused.detail().contains("needs a margin of 20000.00 and 15000.00 is available"),
        refused.detail());
  }

  @Test
  void closingAPositionNeedsNoMarginAndRealisedProfitAddsToIt() {
    BuyingPower power = new BuyingPower(d("10000"), BigDecimal.ZERO);
    power.filled(SBIN, Side.BUY, 10, d("1000"));
    assertEquals(0, BigDecimal.ZERO.compareTo(power.available()));

    assertDoesNotThrow(
        () -> power.check(SBIN, Side.SELL, 10, d("1100")), "a sell of what is held closes it");
    assertThrows(
        TradebridgeException.class,
        () -> power.check(SBIN, Side.SELL, 11, d("1100")),
        "the eleventh share would open a short");
    power.filled(SBIN, Side.SELL, 10, d("1100"));
    assertEquals(0, d("11000").compareTo(power.available()), "capital plus 1,000 realised");
  }

  @Test
  void intradayEquityBlocksAFifthOfItsValue() {
    BuyingPower power = new BuyingPower(d("10000"), BigDecimal.ZERO);
    power.check(SBIN_INTRADAY, Side.BUY, 50, d("1000"));
    power.resting(SBIN_INTRADAY, 50, d("1000"));
    assertEquals(0, BigDecimal.ZERO.compareTo(power.available()));
  }

  @Test
  void aKeptCopyDoesNotMoveWithTheBatchThatWorksOnTheOriginal() {
    BuyingPower original = new BuyingPower(d("100000"), d("10000"));
    original.filled(SBIN, Side.BUY, 10, d("1000"));
    BuyingPower copy = original.copy();

    original.filled(SBIN, Side.BUY, 50, d("1000"));
    original.resting(SBIN, 10, d("1000"));
    original.pricedAtMarket();

    assertEquals(0, d("80000").compareTo(copy.available()), copy.available().toPlainString());
    assertEquals(
        0, d("20000").compareTo(original.available()), original.available().toPlainString());
    assertTrue(original.isPricedAtMarket());
    assertTrue(
        !copy.isPricedAtMarket(), "a figure priced at the market is marked, and only that one");
    assertTrue(original.copy().isPricedAtMarket());
  }
}
