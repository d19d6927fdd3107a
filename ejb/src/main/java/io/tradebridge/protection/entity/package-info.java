/**
 * Security events, rate windows, the traffic log and the addresses keys were used from, as stored,
 * with their vocabulary.
 */
package io.tradebridge.protection.entity;
