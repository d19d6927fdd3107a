package io.tradebridge.accounts.entity;

/** The brokers Tradebridge can trade through. PAPER is the built-in simulated exchange. */
public enum BrokerName {
  PAPER,
  /** Zerodha Kite Connect v3: a daily login at Zerodha, orders over its HTTP API. */
  KITE,
  /** Upstox API v2: a daily OAuth 2 login at Upstox, orders over its JSON API. */
  UPSTOX
}
