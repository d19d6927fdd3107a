/** Trading accounts: a broker login behind a nickname (the pseudo account) that scripts name instead of the broker. */
package io.tradebridge.accounts.control;
