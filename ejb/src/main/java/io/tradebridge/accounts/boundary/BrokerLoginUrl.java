package io.tradebridge.accounts.boundary;

/** POST /api/v1/trading-accounts/{id}/broker-login: where the trader signs in at the broker. */
public record BrokerLoginUrl(String loginUrl) {}
