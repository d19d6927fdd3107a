package io.tradebridge.orders.boundary;

import io.tradebridge.access.entity.KeyCaller;
import io.tradebridge.common.control.FieldChecks;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.orders.control.OrderChecks;
import io.tradebridge.orders.entity.OrderLineage;
import io.tradebridge.orders.entity.OrderRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an API call's orders enter: checked on the request's thread (a malformed order never
 * queues), then handed to the {@link OrderDesk}, which places them and answers once they are
 * durable. Counts every answer for the operator's metrics.
 */
@ApplicationScoped
public class OrderPlacement {

  @Inject OrderDeskQueue desk;
  @Inject OrderMetrics metrics;
  @Inject RemoteOrders remote;
  @Inject RemotePricing pricing;

  /**
   * @param key the API key placing the order, or null for a person's session
   * @param idempotencyKey the Idempotency-Key header, if sent
   */
  public Placed place(String userId, KeyCaller key, OrderRequest request, String idempotencyKey) {
    long started = System.nanoTime();
    try {
      Attempt attempt;
      try {
        OrderChecks.check(request);
        refuseGroup(request);
        attempt =
            Attempt.of(userId, key, request, clientIdOf(request, idempotencyKey))
                .pricedAt(pricing.priceIfRemote(userId, request));
      } catch (TradebridgeException malformed) {
        metrics.refused(malformed.code());
        throw malformed;
      }
      return counted(remote.deliver(desk.place(List.of(attempt)))).get(0).orThrow();
    } finally {
      metrics.took(System.nanoTime() - started);
    }
  }

  /**
   * Many orders of one caller (a batch, a workbook), placed together, each with its own client
   * order id and its own answer. The requests must have passed {@link OrderChecks} already.
   */
  public List<Outcome> placeAll(String userId, KeyCaller key, List<OrderRequest> requests) {
    return placeAll(userId, key, requests, OrderLineage.NONE);
  }

  /**
   * Orders that come from somewhere — a group order's members, a master order's copies — placed
   * like {@link #placeAll(String, KeyCaller, List)}, each keeping where it came from.
   */
  public List<Outcome> placeAll(
      String userId, KeyCaller key, List<OrderRequest> requests, OrderLineage lineage) {
    long started = System.nanoTime();
    List<Attempt> attempts = new ArrayList<>(requests.size());
    Outcome[] outcomes = new Outcome[requests.size()];
    List<Integer> toDesk = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      OrderRequest request = requests.get(i);
      try {
        refuseGroup(request);
        attempts.add(
            Attempt.of(userId, key, request, request.clientOrderId())
                .pricedAt(pricing.priceIfRemote(userId, request))
                .from(lineage));
        toDesk.add(i);
      } catch (TradebridgeException refused) {
        outcomes[i] = Outcome.refused(refused);
      }
    }
    List<Outcome> placed = remote.deliver(desk.place(attempts));
    for (int j = 0; j < placed.size(); j++) {
      outcomes[toDesk.get(j)] = placed.get(j);
    }
    counted(java.util.Arrays.asList(outcomes));
    // Each order of the batch is counted with its share of the batch's time.
    long share = requests.isEmpty() ? 0 : (System.nanoTime() - started) / requests.size();
    requests.forEach(r -> metrics.took(share));
    return java.util.Arrays.asList(outcomes);
  }

  /**
   * A group order is many orders: {@link GroupOrders} expands it before anything reaches the desk
   * (an order, a batch or workbook row); a caller that did not is refused, not half-served.
   */
  private static void refuseGroup(OrderRequest request) {
    if (request.group() != null) {
      throw TradebridgeException.validation(
          "group",
          "this way in places orders for one account; name the group in POST /api/v1/orders");
    }
  }

  private List<Outcome> counted(List<Outcome> outcomes) {
    for (Outcome o : outcomes) {
      if (o.refused() == null) {
        metrics.placed(o.placed());
      } else {
        metrics.refused(o.refused().code());
      }
    }
    return outcomes;
  }

  private static String clientIdOf(OrderRequest request, String idempotencyKey) {
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      return request.clientOrderId();
    }
    new FieldChecks()
        .matches(
            "Idempotency-Key",
            idempotencyKey,
            OrderChecks.CLIENT_ORDER_ID,
            "must be 1-64 of A-Z a-z 0-9 . _ : -")
        .orThrow();
    if (request.clientOrderId() != null && !request.clientOrderId().equals(idempotencyKey)) {
      throw TradebridgeException.validation(
          "clientOrderId", "differs from the Idempotency-Key header; send one or make them equal");
    }
    return idempotencyKey;
  }
}
