package io.tradebridge.copying.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopySizeTest {

  @Test
  void aChildTradesTheMastersQuantityTimesItsMultiplierRoundedDownToLots() {
    assertEquals(20, CopySize.of(10, new BigDecimal("2"), 1));
    assertEquals(5, CopySize.of(10, new BigDecimal("0.5"), 1));
    assertEquals(3, CopySize.of(7, new BigDecimal("0.5"), 1), "3.5 shares: never rounded up");
    assertEquals(75, CopySize.of(150, new BigDecimal("0.5"), 75));
    assertEquals(0, CopySize.of(150, new BigDecimal("0.1"), 75), "less than one lot");
  }

  @Test
  void aCopyAboveTheFreezeQuantityIsSplitIntoOrdersTheExchangeTakes() {
    // NIFTY options: lot 75, freeze 1,800; a child at × 3 of 1,500 trades 4,500.
    assertEquals(List.of(1800, 1800, 900), CopySize.pieces(4500, 75, 1800));
    assertEquals(List.of(1800), CopySize.pieces(1800, 75, 1800));
    assertEquals(List.of(5000), CopySize.pieces(5000, 1, 0), "no freeze quantity: one order");
    // A freeze quantity that is not whole lots is taken down to whole lots.
    assertEquals(List.of(100, 100, 50), CopySize.pieces(250, 50, 120));
    assertEquals(List.of(), CopySize.pieces(0, 75, 1800));
  }

  @Test
  void aCopyOfMoreThanFortyOrdersIsRefusedAsAMistypedMultiplier() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CopySize.pieces(41 * 1800, 75, 1800));
    assertEquals("73800 is more than 40 orders at the freeze quantity 1800", e.getMessage());
  }
}
