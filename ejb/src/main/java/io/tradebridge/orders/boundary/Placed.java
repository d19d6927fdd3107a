package io.tradebridge.orders.boundary;

/**
 * The answer to a placement: 201 with the order, or 202 with the action that holds it for approval;
 * {@code repeated} when it is the earlier answer to the same client order id.
 */
public record Placed(int status, OrderView order, String actionId, boolean repeated) {

  public static Placed placed(OrderView order, boolean repeated) {
    return new Placed(201, order, null, repeated);
  }

  public static Placed held(String actionId, boolean repeated) {
    return new Placed(202, null, actionId, repeated);
  }
}
