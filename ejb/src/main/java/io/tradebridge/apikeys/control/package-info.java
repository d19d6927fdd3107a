/** The logic of API keys that needs no server: the key format and its checksum, and IP allowlists. */
package io.tradebridge.apikeys.control;
