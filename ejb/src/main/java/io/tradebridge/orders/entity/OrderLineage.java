package io.tradebridge.orders.entity;

/**
 * Where an order came from (API.md, Orders: {@code group}, {@code groupOrderId}, {@code
 * copiedFrom}): a member's order of a group order, a copy of a master account's order, or neither
 * (all null).
 */
public record OrderLineage(String group, String groupOrderId, String copiedFrom) {

  public static final OrderLineage NONE = new OrderLineage(null, null, null);

  public static OrderLineage ofGroup(String group, String groupOrderId) {
    return new OrderLineage(group, groupOrderId, null);
  }

  public static OrderLineage copyOf(String masterOrderId) {
    return new OrderLineage(null, null, masterOrderId);
  }
}
