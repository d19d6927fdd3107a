/**
 * A broker login behind a nickname (the pseudo account) that scripts name instead of the broker,
 * and the vocabulary of brokers and validation.
 */
package io.tradebridge.accounts.entity;
