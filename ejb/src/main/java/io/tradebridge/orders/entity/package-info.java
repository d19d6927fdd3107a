/**
 * Orders, trades, positions, pending actions and idempotency records as stored, the order request
 * as sent, and the vocabulary of orders (side, type, product, validity, variety, status).
 */
package io.tradebridge.orders.entity;
