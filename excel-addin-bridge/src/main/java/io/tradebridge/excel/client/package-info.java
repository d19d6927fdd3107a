/** The HTTP client of the Excel bridge: the Tradebridge API and its problems. */
package io.tradebridge.excel.client;
