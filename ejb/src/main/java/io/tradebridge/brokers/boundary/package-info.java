/**
 * The broker adapters behind the order desk's Broker port: the paper broker, with the once-a-second
 * paper clock and the book of resting orders it matches; and what every remote adapter does alike
 * with its broker's postbacks and an ended session.
 */
package io.tradebridge.brokers.boundary;
