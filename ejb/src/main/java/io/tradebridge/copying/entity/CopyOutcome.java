package io.tradebridge.copying.entity;

/**
 * How a copy went: made; skipped by the rule (a share under one lot, outside the active window, a
 * master refused before it could be copied); or failed at the child (its broker or its checks
 * refused), which never touches the master.
 */
public enum CopyOutcome {
  COPIED,
  SKIPPED,
  FAILED
}
