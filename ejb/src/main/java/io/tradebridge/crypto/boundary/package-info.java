/** The vault: the one door to the master key and what is derived from it. */
package io.tradebridge.crypto.boundary;
