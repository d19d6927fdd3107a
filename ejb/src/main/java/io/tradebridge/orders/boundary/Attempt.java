package io.tradebridge.orders.boundary;

import io.tradebridge.access.entity.KeyCaller;
import io.tradebridge.orders.entity.OrderLineage;
import io.tradebridge.orders.entity.OrderRequest;

/**
 * One order on its way to the order desk: who places it, with which key (null for a person's
 * session), and the client order id its idempotency hangs on (null for none).
 *
 * @param approved a person approved it in the action center: placed without an idempotency record,
 *     since the held action already answered the key's request
 * @param priced the instrument and price a remote broker gave before the desk (null: the desk asks
 *     its broker, which for the paper exchange is a look-up in memory)
 * @param lineage the group order or master order it comes from, kept on the order
 */
public record Attempt(
    String userId,
    KeyCaller key,
    OrderRequest request,
    String clientId,
    boolean approved,
    Priced priced,
    OrderLineage lineage) {

  public static Attempt of(String userId, KeyCaller key, OrderRequest request, String clientId) {
    return new Attempt(userId, key, request, clientId, false, null, OrderLineage.NONE);
  }

  static Attempt approved(String userId, OrderRequest request) {
    return new Attempt(
        userId, null, request, request.clientOrderId(), true, null, OrderLineage.NONE);
  }

  Attempt pricedAt(Priced prices) {
    return new Attempt(userId, key, request, clientId, approved, prices, lineage);
  }

  Attempt from(OrderLineage from) {
    return new Attempt(userId, key, request, clientId, approved, priced, from);
  }
}
