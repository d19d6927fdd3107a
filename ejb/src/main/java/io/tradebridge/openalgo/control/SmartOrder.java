package io.tradebridge.openalgo.control;

import io.tradebridge.orders.entity.Side;

/**
 * What OpenAlgo's placesmartorder places to bring a position to {@code position_size}: only the
 * difference, in the direction that closes it; nothing when the position already stands there. From
 * flat with a target of zero it places the order as given (OpenAlgo's rule, so that a plain signal
 * still trades).
 */
public final class SmartOrder {

  public static final String ALREADY_MATCHED = "Positions Already Matched. No Action needed.";
  public static final String NO_OPEN_POSITION = "No OpenPosition Found. Not placing Exit order.";

  /** What to do. */
  public sealed interface Decision {}

  /** Place this order. */
  public record Place(Side side, int quantity) implements Decision {}

  /** Place nothing, and say why in OpenAlgo's words. */
  public record NoAction(String message) implements Decision {}

  private SmartOrder() {}

  /**
   * @param current the position's net quantity now (negative: short)
   * @param target the position the trader wants ({@code position_size})
   * @param quantity the order's own quantity (used only from flat to flat)
   * @param action the order's own side (likewise)
   */
  public static Decision decide(int current, int target, int quantity, Side action) {
    if (target == 0 && current == 0 && quantity != 0) {
      return new Place(action, quantity);
    }
    if (target == current) {
      return new NoAction(quantity == 0 ? NO_OPEN_POSITION : ALREADY_MATCHED);
    }
    if (target > current) {
      return new Place(Side.BUY, target - current);
    }
    return new Place(Side.SELL, current - target);
  }
}
