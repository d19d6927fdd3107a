/**
 * Instruments, quotes, tick sizes and the price simulator, without a server; randomness and clock
 * are passed in.
 */
package io.tradebridge.market.control;
