package io.tradebridge.orders.control;

/** How the price is set: at market, at a limit, or either once a trigger price is touched. */
public enum OrderType {
  MARKET, LIMIT, STOP_LOSS, SL_MARKET
}
