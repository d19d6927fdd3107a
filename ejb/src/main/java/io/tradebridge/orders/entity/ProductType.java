package io.tradebridge.orders.entity;

/**
 * INTRADAY squares off the same day, DELIVERY settles into holdings, NORMAL carries futures
 * positions.
 */
public enum ProductType {
  INTRADAY,
  DELIVERY,
  NORMAL
}
