package io.tradebridge.orders.control;

import io.tradebridge.orders.entity.OrderRequest;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/** An order request kept as JSON while it waits for approval. */
public final class OrderJson {

  private static final Jsonb JSONB = JsonbBuilder.create();

  private OrderJson() {}

  public static String write(OrderRequest request) {
    return JSONB.toJson(request);
  }

  public static OrderRequest read(String json) {
    return JSONB.fromJson(json, OrderRequest.class);
  }
}
