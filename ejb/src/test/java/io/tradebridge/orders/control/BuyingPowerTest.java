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

  private static final BuyingPower.Position CALL =
      new BuyingPower.Position("NFO", "NIFTY_29-DEC-2026_26000_CE", ProductType.NORMAL);

  @Test
  void aBoughtOptionBlocksItsPremiumAndASoldOneASpanLikeShareOfItsStrike() {
    BuyingPower power = new BuyingPower(d("1000000"), BigDecimal.ZERO);
    power.check(CALL, Side.BUY, 75, d("300"));
    power.filled(CALL, Side.BUY, 75, d("300"));
    assertEquals(0, d("22500").compareTo(power.utilised()), "75 × ₹300 premium, all of it");

    BuyingPower writer = new BuyingPower(d("1000000"), BigDecimal.ZERO);
    writer.filled(CALL, Side.SELL, 75, d("300"));
    assertEquals(
        0,
        d("234000").compareTo(writer.utilised()),
        "12% of 75 × 26,000, whatever the premium: " + writer.utilised());
    TradebridgeException refused =
        assertThrows(
            TradebridgeException.class, () -> writer.check(CALL, Side.SELL, 300, d("300")));
    assertTrue(refused.detail().contains("margin"), refused.detail());
    assertDoesNotThrow(
        () -> writer.check(CALL, Side.BUY, 75, d("300")), "buying it back frees margin");
    writer.resting(CALL, Side.SELL, 75, d("10"));
    assertEquals(0, d("468000").compareTo(writer.utilised()), "a resting sale blocks as much");
  }

  @Test
  void restingOrdersAndFillsUseUpWhatIsAvailable() {
    BuyingPower power = new BuyingPower(d("100000"), BigDecimal.ZERO);
    power.check(SBIN, Side.BUY, 100, d("600"));
    power.filled(SBIN, Side.BUY, 100, d("600"));
    power.resting(SBIN, Side.BUY, 50, d("500"));
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
    power.resting(SBIN_INTRADAY, Side.BUY, 50, d("1000"));
    assertEquals(0, BigDecimal.ZERO.compareTo(power.available()));
  }

  @Test
  void aKeptCopyDoesNotMoveWithTheBatchThatWorksOnTheOriginal() {
    BuyingPower original = new BuyingPower(d("100000"), d("10000"));
    original.filled(SBIN, Side.BUY, 10, d("1000"));
    BuyingPower copy = original.copy();

    original.filled(SBIN, Side.BUY, 50, d("1000"));
    original.resting(SBIN, Side.BUY, 10, d("1000"));
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
