/**
 * The push stream's parts that need no server: what one stream has still to send (latest value
 * wins, so a slow reader costs bounded memory), and one update shared by every stream it goes to.
 */
package io.tradebridge.stream.control;
