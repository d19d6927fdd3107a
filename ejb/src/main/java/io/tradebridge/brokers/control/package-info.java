/**
 * The broker side, without a server: the paper exchange's instruments, prices and matching. Every
 * class here is plain Java with its randomness and clock passed in, so tests replay it exactly.
 */
package io.tradebridge.brokers.control;
