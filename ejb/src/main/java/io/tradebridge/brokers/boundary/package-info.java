/**
 * The broker adapters behind the order desk's Broker port: today the paper broker, with the once-a-
 * second paper clock and the book of resting orders it matches.
 */
package io.tradebridge.brokers.boundary;
