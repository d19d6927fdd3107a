/** The vocabulary of markets: exchanges. */
package io.tradebridge.market.entity;
