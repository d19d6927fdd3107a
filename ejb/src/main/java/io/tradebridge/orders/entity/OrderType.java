package io.tradebridge.orders.entity;

/** How the price is set: at market, at a limit, or either once a trigger price is touched. */
public enum OrderType {
  MARKET,
  LIMIT,
  STOP_LOSS,
  SL_MARKET
}
