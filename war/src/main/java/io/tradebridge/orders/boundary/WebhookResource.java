package io.tradebridge.orders.boundary;

import io.tradebridge.access.boundary.KeyCheck;
import io.tradebridge.access.entity.KeyCaller;
import io.tradebridge.access.entity.Permission;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.orders.entity.OrderRequest;
import io.tradebridge.protection.boundary.RateLimiter;
import io.tradebridge.protection.control.RateKind;
import io.tradebridge.rest.json.JsonBody;
import io.tradebridge.rest.json.StrictJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Orders from tools that cannot set a header (TradingView alerts): the key travels in the JSON
 * body's {@code apikey} field — the one place API.md allows it — and is taken out before the rest
 * is bound, so the order itself is checked exactly as {@code POST /api/v1/orders} checks it, with
 * the same idempotency and order modes. TradingView sends {@code text/plain} unless the alert
 * message is JSON, so both are accepted. At most 20 a minute per key.
 */
@ApplicationScoped
@Path("v1/webhooks/orders")
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

  static final String KEY_FIELD = "apikey";

  @Inject KeyCheck keyAuthentication;
  @Inject RateLimiter limiter;
  @Inject OrderPlacement placement;

  @POST
  @APIResponse(
      responseCode = "201",
      description = "Placed",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = OrderView.class)))
  @APIResponse(
      responseCode = "202",
      description = "Held for a person's approval (a SEMI_AUTO key)",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = OrdersResource.Held.class)))
  public Response place(JsonBody body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
    JsonValue key = body.object().get(KEY_FIELD);
    if (!(key instanceof JsonString keyText)) {
      throw TradebridgeException.unauthenticated();
    }
    KeyCaller caller = keyAuthentication.authenticate(keyText.getString(), Permission.TRADE);
    limiter.charge(caller, RateKind.WEBHOOK, 1);
    JsonObjectBuilder order = Json.createObjectBuilder();
    for (Map.Entry<String, JsonValue> field : body.object().entrySet()) {
      if (!field.getKey().equals(KEY_FIELD)) {
        order.add(field.getKey(), field.getValue());
      }
    }
    OrderRequest request = StrictJson.bind(OrderRequest.class, order.build());
    return PlacedAnswers.response(
        placement.place(caller.userId(), caller, request, idempotencyKey));
  }
}
