package io.tradebridge.orders.entity;

/** Where an order stands. */
public enum OrderStatus {
  /**
   * Written and being sent to a remote broker, or sent with the broker's answer lost: settled by
   * looking the order up at the broker, never by sending it again blindly.
   */
  PENDING,
  OPEN,
  TRIGGER_PENDING,
  COMPLETE,
  CANCELLED,
  REJECTED
}
