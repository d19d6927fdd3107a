package io.tradebridge.twofactor.boundary;

/** Which steps ask for a code: logging in, and touching credentials (step-up). */
public record TotpChoice(boolean login, boolean credentials) {}
