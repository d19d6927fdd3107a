/**
 * The kill switch: one call (with a second factor) that revokes every key, cancels every working
 * order and clears the approval queue. It sits above the components it stops, and none of them
 * knows it.
 */
package io.tradebridge.killswitch.boundary;
