package io.tradebridge.orders.entity;

/** Where an order stands. */
public enum OrderStatus {
  OPEN,
  TRIGGER_PENDING,
  COMPLETE,
  CANCELLED,
  REJECTED
}
