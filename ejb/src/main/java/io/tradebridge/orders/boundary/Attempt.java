package io.tradebridge.orders.boundary;

import io.tradebridge.access.entity.KeyCaller;
import io.tradebridge.orders.entity.OrderRequest;

/**
 * One order on its way to the order desk: who places it, with which key (null for a person's
 * session), and the client order id its idempotency hangs on (null for none).
 *
 * @param approved a person approved it in the action center: placed without an idempotency record,
 *     since the held action already answered the key's request
 * @param priced the instrument and price a remote broker gave before the desk (null: the desk asks
 *     its broker, which for the paper exchange is a look-up in memory)
 */
public record Attempt(
    String userId,
    KeyCaller key,
    OrderRequest request,
    String clientId,
    boolean approved,
    Priced priced) {

  public static Attempt of(String userId, KeyCaller key, OrderRequest request, String clientId) {
    return new Attempt(userId, key, request, clientId, false, null);
  }

  static Attempt approved(String userId, OrderRequest request) {
    return new Attempt(userId, null, request, request.clientOrderId(), true, null);
  }

  Attempt pricedAt(Priced prices) {
    return new Attempt(userId, key, request, clientId, approved, prices);
  }
}
