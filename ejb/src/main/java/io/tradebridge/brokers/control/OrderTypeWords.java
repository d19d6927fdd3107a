package io.tradebridge.brokers.control;

import io.tradebridge.orders.entity.OrderType;

/**
 * Our order types in the words Indian brokers share (Kite Connect and Upstox alike: MARKET, LIMIT,
 * SL, SL-M), and back.
 */
public final class OrderTypeWords {

  private OrderTypeWords() {}

  public static String of(OrderType type) {
    return switch (type) {
      case LIMIT -> "LIMIT";
      case STOP_LOSS -> "SL";
      case SL_MARKET -> "SL-M";
      default -> "MARKET";
    };
  }

  /** The broker's word in ours; null for one we do not know. */
  public static OrderType ours(String word) {
    return switch (word == null ? "" : word) {
      case "MARKET" -> OrderType.MARKET;
      case "LIMIT" -> OrderType.LIMIT;
      case "SL" -> OrderType.STOP_LOSS;
      case "SL-M" -> OrderType.SL_MARKET;
      default -> null;
    };
  }
}
