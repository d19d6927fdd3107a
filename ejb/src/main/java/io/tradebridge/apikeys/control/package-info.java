/**
 * The logic of API keys: the key format and its checksum, IP allowlists, and the keys kept in
 * memory between checks with what makes them forget.
 */
package io.tradebridge.apikeys.control;
