package io.tradebridge.orders.control;

/** Buy or sell. */
public enum Side {
  BUY, SELL
}
