package io.tradebridge.accounts.control;

/** The brokers Tradebridge can trade through. PAPER is the built-in simulated exchange. */
public enum BrokerName {
  PAPER
}
