package io.tradebridge.accounts.entity;

/** What the broker said the last time the account's login was checked. */
public enum ValidationStatus {
  UNKNOWN,
  VALID,
  INVALID,
  /** The broker needs today's login (none yet, or it ended: Kite's end each morning). */
  LOGIN_REQUIRED
}
