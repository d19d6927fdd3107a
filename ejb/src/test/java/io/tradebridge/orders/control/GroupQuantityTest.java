package io.tradebridge.orders.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class GroupQuantityTest {

  @Test
  void aMembersShareIsTheQuantityTimesItsMultiplierRoundedDownToWholeLots() {
    assertEquals(5, GroupQuantity.of(5, BigDecimal.ONE, 1));
    assertEquals(2, GroupQuantity.of(5, new BigDecimal("0.5"), 1), "2.5 shares: 2");
    assertEquals(75, GroupQuantity.of(150, new BigDecimal("0.5"), 75));
    assertEquals(150, GroupQuantity.of(100, new BigDecimal("1.9"), 75), "190 is two lots");
  }

  @Test
  void aShareUnderOneLotIsNothing() {
    assertEquals(0, GroupQuantity.of(150, new BigDecimal("0.1"), 75));
    assertEquals(0, GroupQuantity.of(1, new BigDecimal("0.5"), 1));
  }
}
