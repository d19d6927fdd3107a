package io.tradebridge.accounts.control;

/** What the broker said the last time the account's login was checked. */
public enum ValidationStatus {
  UNKNOWN,
  VALID,
  INVALID
}
