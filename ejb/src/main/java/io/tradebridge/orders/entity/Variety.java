package io.tradebridge.orders.entity;

/**
 * A plain order, a bracket order (target and stop-loss legs) or a cover order (a stop-loss leg).
 */
public enum Variety {
  REGULAR,
  BO,
  CO
}
