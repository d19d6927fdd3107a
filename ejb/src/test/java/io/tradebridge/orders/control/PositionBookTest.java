package io.tradebridge.orders.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PositionBookTest {

  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  @Test
  void anOpenLongShowsUnrealisedPnlAtTheLastPrice() {
    PositionBook book = new PositionBook(10, d("1000.00"), 0, d("0"), d("105.00"));
    assertEquals(10, book.netQuantity());
    assertEquals(d("100.00"), book.buyAveragePrice());
    assertEquals(d("0.00"), book.realisedPnl());
    assertEquals(d("50.00"), book.unrealisedPnl());
  }

  @Test
  void aPartlyClosedPositionSplitsRealisedAndUnrealised() {
    // Bought 10 at 100, sold 4 at 110; last 90.
    PositionBook book = new PositionBook(10, d("1000.00"), 4, d("440.00"), d("90.00"));
    assertEquals(d("40.00"), book.realisedPnl());
    assertEquals(d("-60.00"), book.unrealisedPnl());
    assertEquals(d("-20.00"), book.pnl());
  }

  @Test
  void aShortGainsWhenThePriceFalls() {
    PositionBook book = new PositionBook(0, d("0"), 5, d("500.00"), d("96.00"));
    assertEquals(-5, book.netQuantity());
    assertEquals(d("20.00"), book.unrealisedPnl());
  }

  @Test
  void aClosedPositionHasOnlyRealisedPnl() {
    PositionBook book = new PositionBook(3, d("300.00"), 3, d("291.00"), d("120.00"));
    assertEquals(0, book.netQuantity());
    assertEquals(d("-9.00"), book.pnl());
  }
}
