package io.tradebridge.orders.boundary;

import io.tradebridge.access.boundary.Access;
import io.tradebridge.access.boundary.ChargedPerOrder;
import io.tradebridge.access.boundary.Via;
import io.tradebridge.access.entity.Permission;
import io.tradebridge.common.control.FieldChecks;
import io.tradebridge.orders.entity.OrderRequest;
import io.tradebridge.rest.json.StrictJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Up to 500 orders in one request. Each row stands alone — bound, checked and answered with its own
 * idempotency and the status it would have got on its own — while the rows that pass are committed
 * together (see OrderDesk).
 */
@ApplicationScoped
@Path("v1/orders/batch")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Access(
    value = {Via.API_KEY, Via.SESSION},
    requires = Permission.TRADE)
public class BatchResource {

  public static final int MAX_ORDERS = 500;

  @Inject OrderRows orderRows;

  /** The rows stay raw JSON here so that one malformed row fails alone, not the whole batch. */
  public record BatchRequest(List<JsonValue> orders) {}

  public record BatchResult(List<OrderRows.Row> results) {}

  @POST
  @ChargedPerOrder
  public BatchResult place(BatchRequest batch) {
    new FieldChecks().required("orders", batch.orders()).orThrow();
    new FieldChecks()
        .that(
            !batch.orders().isEmpty() && batch.orders().size() <= MAX_ORDERS,
            "orders",
            "must hold between 1 and " + MAX_ORDERS + " orders")
        .orThrow();
    List<Supplier<OrderRequest>> bindings = new ArrayList<>(batch.orders().size());
    for (JsonValue json : batch.orders()) {
      bindings.add(() -> StrictJson.bind(OrderRequest.class, json));
    }
    return new BatchResult(orderRows.placeAll(bindings));
  }
}
