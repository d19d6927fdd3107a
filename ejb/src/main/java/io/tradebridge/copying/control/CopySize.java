package io.tradebridge.copying.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A child's copy of a master order: the master's quantity times the child's multiplier, rounded
 * down to whole lots (a child never trades more than its multiplier gives it), then split into
 * pieces no larger than the exchange's freeze quantity — the exchange refuses a larger order
 * outright, where a trader at the terminal would place several.
 */
public final class CopySize {

  /** More pieces than this is a multiplier typed wrong, not a copy to place. */
  public static final int MOST_PIECES = 40;

  private CopySize() {}

  /** The child's whole quantity; 0 when its share is less than one lot. */
  public static int of(int masterQuantity, BigDecimal multiplier, int lotSize) {
    int lot = Math.max(1, lotSize);
    return BigDecimal.valueOf(masterQuantity)
        .multiply(multiplier)
        .divide(BigDecimal.valueOf(lot), 0, RoundingMode.DOWN)
        .multiply(BigDecimal.valueOf(lot))
        .intValueExact();
  }

  /**
   * The orders that make up {@code quantity}: one, or several at most the freeze quantity each (in
   * whole lots), the last one the rest. Empty for 0.
   *
   * @param freezeQuantity 0 when the exchange sets none
   * @throws IllegalArgumentException when it takes more than {@link #MOST_PIECES} orders
   */
  public static List<Integer> pieces(int quantity, int lotSize, int freezeQuantity) {
    List<Integer> pieces = new ArrayList<>();
    if (quantity <= 0) {
      return pieces;
    }
    int lot = Math.max(1, lotSize);
    int most = freezeQuantity <= 0 ? quantity : Math.max(lot, freezeQuantity / lot * lot);
    if ((quantity + most - 1) / most > MOST_PIECES) {
      throw new IllegalArgumentException(
          quantity
              + " is more than "
              + MOST_PIECES
              + " orders at the freeze quantity "
              + freezeQuantity);
    }
    int left = quantity;
    while (left > 0) {
      int piece = Math.min(left, most);
      pieces.add(piece);
      left -= piece;
    }
    return pieces;
  }
}
