package io.tradebridge.orders.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradebridge.common.control.TradebridgeException;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderTest {

  private static final Instant NOW = Instant.parse("2026-11-23T05:00:00Z");

  private static Order order(Side side, OrderType type, int qty, String price, String trigger) {
    return new Order(
        "o1",
        "u",
        "a",
        "PAPER1",
        null,
        null,
        "NSE",
        "SBIN",
        side,
        qty,
        type,
        ProductType.INTRADAY,
        price == null ? null : new BigDecimal(price),
        trigger == null ? null : new BigDecimal(trigger),
        Variety.REGULAR,
        Validity.DAY,
        null,
        null,
        NOW);
  }

  @Test
  void fillsAverageByQuantityAndCompleteTheOrder() {
    Order o = order(Side.BUY, OrderType.LIMIT, 10, "101", null);
    o.fill(4, new BigDecimal("100.00"), NOW);
    assertEquals(OrderStatus.OPEN, o.status());
    assertEquals(6, o.pendingQuantity());
    o.fill(6, new BigDecimal("101.00"), NOW);
    assertEquals(OrderStatus.COMPLETE, o.status());
    assertEquals(0, new BigDecimal("100.6").compareTo(o.averagePrice()));
    assertThrows(IllegalStateException.class, () -> o.fill(1, BigDecimal.ONE, NOW));
  }

  @Test
  void onlyAWorkingOrderCanBeCancelledOrModified() {
    Order o = order(Side.BUY, OrderType.MARKET, 1, null, null);
    o.fill(1, BigDecimal.TEN, NOW);
    assertThrows(TradebridgeException.class, () -> o.cancel("late", NOW));
    assertThrows(
        TradebridgeException.class, () -> o.modify(OrderType.LIMIT, 1, BigDecimal.ONE, null, NOW));
  }

  @Test
  void aTrailingSellStopFollowsRisingPricesInWholeStepsAndNeverBack() {
    Order entry = order(Side.BUY, OrderType.MARKET, 5, null, null);
    entry.fill(5, new BigDecimal("100.00"), NOW);
    Order stop = order(Side.SELL, OrderType.SL_MARKET, 5, null, "97.00");
    stop.legOf(entry, new BigDecimal("1.00"));
    assertFalse(stop.trail(new BigDecimal("100.90"), NOW), "less than a step");
    assertTrue(stop.trail(new BigDecimal("102.40"), NOW));
    assertEquals(new BigDecimal("99.00"), stop.triggerPrice());
    assertFalse(
        stop.trail(new BigDecimal("98.00"), NOW), "a falling price does not pull the stop down");
    assertEquals(new BigDecimal("99.00"), stop.triggerPrice());
  }

  @Test
  void aTrailingBuyStopFollowsFallingPrices() {
    Order entry = order(Side.SELL, OrderType.MARKET, 5, null, null);
    entry.fill(5, new BigDecimal("100.00"), NOW);
    Order stop = order(Side.BUY, OrderType.SL_MARKET, 5, null, "103.00");
    stop.legOf(entry, new BigDecimal("0.50"));
    assertTrue(stop.trail(new BigDecimal("98.90"), NOW));
    assertEquals(
        new BigDecimal("102.00"), stop.triggerPrice(), "1.10 gained is two whole steps of 0.50");
  }
}
