/**
 * The Kite Connect v3 adapter: the trader's daily login, orders sent outside any transaction and
 * settled by their tag when an answer is lost, Kite's postbacks, its instruments and prices for
 * risk checks. Talks to Kite through a MicroProfile Rest Client guarded by Fault Tolerance.
 */
package io.tradebridge.brokers.kite.boundary;
