package io.tradebridge.orders.entity;

/** Buy or sell. */
public enum Side {
  BUY,
  SELL
}
