/**
 * Brokers without a server: the paper broker's matching of orders against a quote and how near its
 * resting orders come to the market; and what every remote adapter shares — prices kept for a
 * second, the log line when a broker stops answering. Plain Java with its inputs passed in, so
 * tests replay it exactly.
 */
package io.tradebridge.brokers.control;
