/**
 * Market data as Tradebridge sees it: the instruments it knows and their prices (today the
 * simulated market of the paper exchange). Together with the market resource in the web module.
 */
package io.tradebridge.market.boundary;
