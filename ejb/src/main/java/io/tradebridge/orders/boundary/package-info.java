/**
 * Orders: placement through the order desk (idempotency, risk, the approval queue for semi-
 * automatic keys), modification, cancellation, square-off, the portfolio, and the Broker port that
 * adapters implement. Together with its resources in the web module: orders, batches, workbooks,
 * the webhook, actions, the portfolio.
 */
package io.tradebridge.orders.boundary;
