package io.tradebridge.orders.entity;

/** DAY rests until filled or cancelled; IOC fills what it can at once and cancels the rest. */
public enum Validity {
  DAY,
  IOC
}
