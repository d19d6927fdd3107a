/**
 * Trading accounts: create, change, delete, reveal credentials after a step-up, validate with the
 * broker. Together with its resource in the web module. A broker's login check is reached through
 * the BrokerLogin port, which each adapter in brokers implements.
 */
package io.tradebridge.accounts.boundary;
