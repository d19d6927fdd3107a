package io.tradebridge.accounts.boundary;

/**
 * A user added a trading account or changed one's broker: whoever keeps which broker a user trades
 * through must look again.
 */
public record BrokerAccountsChanged(String userId) {}
