package io.tradebridge.access.entity;

/**
 * READ: every GET of trading data. TRADE: place, modify, cancel, square off. Nothing moves money.
 */
public enum Permission {
  READ,
  TRADE
}
