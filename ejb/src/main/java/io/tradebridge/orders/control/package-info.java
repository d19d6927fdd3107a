/**
 * Rules about orders without a server: field checks, the risk check, buying power, position books,
 * request fingerprints for idempotency.
 */
package io.tradebridge.orders.control;
