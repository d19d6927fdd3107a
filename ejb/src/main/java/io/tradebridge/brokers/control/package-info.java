/**
 * The paper broker without a server: matching orders against a quote and knowing how near the
 * resting orders come to the market. Plain Java with its inputs passed in, so tests replay it
 * exactly.
 */
package io.tradebridge.brokers.control;
