package io.tradebridge.orders.boundary;

import io.tradebridge.common.control.TradebridgeException;

/**
 * What became of one attempt: placed (or held, or repeated), or refused with the problem to answer.
 */
public record Outcome(Placed placed, TradebridgeException refused) {

  static Outcome of(Placed placed) {
    return new Outcome(placed, null);
  }

  static Outcome refused(TradebridgeException refused) {
    return new Outcome(null, refused);
  }

  /** The placement, or the refusal thrown, for callers that answer one order. */
  public Placed orThrow() {
    if (refused != null) {
      throw refused;
    }
    return placed;
  }
}
