package io.tradebridge.orders.control;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A group member's share of a group order: the order's quantity times the member's multiplier,
 * rounded down to whole lots (API.md, "Groups and copy trading"). Rounded down, never up: a member
 * never trades more than its multiplier gives it.
 */
public final class GroupQuantity {

  private GroupQuantity() {}

  /**
   * @return the member's quantity; 0 when its share is less than one lot
   */
  public static int of(int quantity, BigDecimal multiplier, int lotSize) {
    int lot = Math.max(1, lotSize);
    BigDecimal lots =
        BigDecimal.valueOf(quantity)
            .multiply(multiplier)
            .divide(BigDecimal.valueOf(lot), 0, RoundingMode.DOWN);
    return lots.multiply(BigDecimal.valueOf(lot)).intValueExact();
  }
}
