/**
 * The way in to the push stream (API.md, "Live updates"): the WebSocket upgrade at {@code
 * /api/v1/stream} and the protocol of its messages.
 */
package io.tradebridge.stream.boundary;
