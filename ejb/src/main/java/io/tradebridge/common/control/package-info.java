/** What every component shares: settings, the clock, and the one exception family of Tradebridge. */
package io.tradebridge.common.control;
