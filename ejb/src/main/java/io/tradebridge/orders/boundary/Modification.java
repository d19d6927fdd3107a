package io.tradebridge.orders.boundary;

/**
 * What a PATCH of an order came to: changed now, or held for a person because a SEMI_AUTO key
 * asked.
 */
public sealed interface Modification {

  record Changed(OrderView order) implements Modification {}

  record Held(String actionId) implements Modification {}
}
