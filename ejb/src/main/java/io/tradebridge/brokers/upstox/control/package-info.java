/**
 * Upstox API v2 without a server: our orders in its JSON, its statuses and errors in our terms, its
 * instrument file read into our broker-independent symbols, and its published rate limits.
 */
package io.tradebridge.brokers.upstox.control;
