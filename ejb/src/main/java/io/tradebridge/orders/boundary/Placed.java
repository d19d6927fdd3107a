package io.tradebridge.orders.boundary;

/**
 * What became of an order the desk accepted: with the broker, or waiting for a person's approval.
 * {@code repeated} when it is the earlier answer to the same client order id. Which HTTP status
 * each means is the web layer's business, not the desk's.
 */
public sealed interface Placed {

  boolean repeated();

  /** The broker has the order; {@code order} is how it stands now. */
  record Accepted(OrderView order, boolean repeated) implements Placed {}

  /** Held in the action center (a SEMI_AUTO key): nothing reaches the broker until approved. */
  record AwaitingApproval(String actionId, boolean repeated) implements Placed {}

  static Placed placed(OrderView order, boolean repeated) {
    return new Accepted(order, repeated);
  }

  static Placed held(String actionId, boolean repeated) {
    return new AwaitingApproval(actionId, repeated);
  }
}
