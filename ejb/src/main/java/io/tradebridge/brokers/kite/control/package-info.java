/**
 * Kite Connect v3 in our words, without I/O: the checksums Kite asks for and gives, the form of an
 * order, Kite's states and error types mapped to ours, its instrument list mapped to
 * broker-independent symbols.
 */
package io.tradebridge.brokers.kite.control;
