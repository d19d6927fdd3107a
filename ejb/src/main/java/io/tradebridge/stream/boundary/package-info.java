/**
 * The push stream (API.md, "Live updates"): who listens to what, and the desk that fans quotes,
 * orders and positions out to them as they change, and cuts a stream off when its key or session
 * stops being valid.
 */
package io.tradebridge.stream.boundary;
