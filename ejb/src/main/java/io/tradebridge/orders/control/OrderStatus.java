package io.tradebridge.orders.control;

/** Where an order stands. */
public enum OrderStatus {
  OPEN, TRIGGER_PENDING, COMPLETE, CANCELLED, REJECTED
}
