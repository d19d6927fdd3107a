/**
 * The OpenAlgo-compatible API's rules (API.md, "OpenAlgo-compatible API"): how OpenAlgo's fields
 * are read (numbers also as strings, its defaults, its error wording), its words for our order
 * model, and what a smart order must place to reach a target position. No server needed: each is
 * unit tested against the answers OpenAlgo's own server gives.
 */
package io.tradebridge.openalgo.control;
