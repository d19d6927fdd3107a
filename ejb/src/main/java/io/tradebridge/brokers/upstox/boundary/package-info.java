/**
 * Upstox API v2 behind a pseudo account: the daily OAuth 2 login, orders sent after the order desk
 * has written them, webhooks taken as a hint to look an order up, instruments, prices, positions,
 * holdings and funds.
 */
package io.tradebridge.brokers.upstox.boundary;
