package io.tradebridge.openalgo.boundary;

import static io.tradebridge.openalgo.boundary.OpenAlgoJson.order;

import io.tradebridge.access.entity.OrderMode;
import io.tradebridge.access.entity.Permission;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.openalgo.control.OpenAlgoFields;
import io.tradebridge.openalgo.control.OpenAlgoWords;
import io.tradebridge.orders.boundary.Modification;
import io.tradebridge.orders.boundary.OrderPatch;
import io.tradebridge.orders.boundary.OrderView;
import io.tradebridge.orders.boundary.Orders;
import io.tradebridge.orders.boundary.Portfolio;
import io.tradebridge.orders.boundary.SquareOff;
import io.tradebridge.orders.boundary.SquareOffRequest;
import io.tradebridge.orders.entity.OrderRequest;
import io.tradebridge.protection.control.RateKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * OpenAlgo's changes to what is placed (API.md, "OpenAlgo-compatible API"): modifyorder,
 * cancelorder, cancelallorder, closeposition — through the same {@link Orders} and {@link
 * SquareOff} as /api/v1's, on the key's {@code defaultAccount}. A semi-automatic key may do none of
 * them, as OpenAlgo refuses them (its action center only holds placements).
 */
@ApplicationScoped
@Path("openalgo/v1")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
public class OpenAlgoChanges {

  @Inject OpenAlgoGate gate;
  @Inject Orders orders;
  @Inject SquareOff squareOff;

  @POST
  @Path("modifyorder")
  @Operation(hidden = true)
  public Response modifyorder(
      InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length) {
    return gate.answer(
        body,
        length,
        OpenAlgoGate.fields("apikey orderid " + OpenAlgoPlacing.ORDER_FIELDS),
        Permission.TRADE,
        call -> {
          OpenAlgoFields f = call.fields();
          f.text("strategy", "");
          String orderId = f.text("orderid", null);
          Integer quantity = f.quantity("quantity", true);
          f.number("price", null);
          OrderRequest wanted = call.order(f, null, quantity);
          if (wanted == null || orderId == null) {
            return OpenAlgoReply.invalid(f);
          }
          if (semiAuto(call)) {
            return notInSemiAuto("Modify order", "modify orders");
          }
          OrderView order = orders.get(call.userId(), orderId);
          if (!order.symbol().equals(wanted.symbol())
              || !order.exchange().equals(wanted.exchange().name())
              || order.side() != wanted.side()) {
            return OpenAlgoReply.error(
                400,
                "order "
                    + orderId
                    + " is "
                    + order.side()
                    + " "
                    + order.exchange()
                    + ":"
                    + OpenAlgoWords.openAlgoSymbol(order.symbol())
                    + "; symbol, exchange and action cannot be changed (cancel and place anew)");
          }
          gate.charge(call.key(), RateKind.ORDERS);
          Modification changed =
              orders.modify(
                  call.userId(),
                  orderId,
                  new OrderPatch(
                      wanted.orderType(), wanted.quantity(), wanted.price(), wanted.triggerPrice()),
                  call.key());
          String id = changed instanceof Modification.Changed c ? c.order().orderId() : orderId;
          return OpenAlgoReply.success(Json.createObjectBuilder().add("orderid", id));
        });
  }

  @POST
  @Path("cancelorder")
  @Operation(hidden = true)
  public Response cancelorder(
      InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length) {
    return gate.answer(
        body,
        length,
        OpenAlgoGate.fields("apikey strategy orderid"),
        Permission.TRADE,
        call -> {
          OpenAlgoFields f = call.fields();
          f.text("strategy", "");
          String orderId = f.text("orderid", null);
          if (f.hasErrors()) {
            return OpenAlgoReply.invalid(f);
          }
          if (semiAuto(call)) {
            return notInSemiAuto("Cancel order", "cancel orders");
          }
          gate.charge(call.key(), RateKind.ORDERS);
          OrderView cancelled = orders.cancel(call.userId(), orderId);
          return OpenAlgoReply.success(
              Json.createObjectBuilder().add("orderid", cancelled.orderId()));
        });
  }

  @POST
  @Path("cancelallorder")
  @Operation(hidden = true)
  public Response cancelallorder(
      InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length) {
    return gate.answer(
        body,
        length,
        OpenAlgoGate.fields("apikey strategy"),
        Permission.TRADE,
        call -> {
          call.fields().text("strategy", "");
          if (call.fields().hasErrors()) {
            return OpenAlgoReply.invalid(call.fields());
          }
          if (semiAuto(call)) {
            return notInSemiAuto("Cancel all orders", "cancel orders");
          }
          JsonArrayBuilder cancelled = Json.createArrayBuilder();
          JsonArrayBuilder failed = Json.createArrayBuilder();
          int done = 0;
          int notDone = 0;
          for (String orderId : orders.workingOrderIds(call.userId(), call.account())) {
            try {
              gate.charge(call.key(), RateKind.ORDERS);
              cancelled.add(orders.cancel(call.userId(), orderId).orderId());
              done++;
            } catch (TradebridgeException e) {
              failed.add(
                  Json.createObjectBuilder().add("orderid", orderId).add("reason", e.detail()));
              notDone++;
            }
          }
          return OpenAlgoReply.success(
              Json.createObjectBuilder()
                  .add(
                      "message",
                      "Canceled " + done + " orders. Failed to cancel " + notDone + " orders.")
                  .add("canceled_orders", cancelled)
                  .add("failed_cancellations", failed));
        });
  }

  @POST
  @Path("closeposition")
  @Operation(hidden = true)
  public Response closeposition(
      InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length) {
    return gate.answer(
        body,
        length,
        OpenAlgoGate.fields("apikey strategy"),
        Permission.TRADE,
        call -> {
          call.fields().text("strategy", "");
          if (call.fields().hasErrors()) {
            return OpenAlgoReply.invalid(call.fields());
          }
          if (semiAuto(call)) {
            return notInSemiAuto("Close position", "close positions");
          }
          List<OrderView> placed =
              squareOff.portfolio(
                  call.userId(),
                  call.key(),
                  new SquareOffRequest(
                      call.account(), null, null, null, Portfolio.Category.NET, null));
          return OpenAlgoReply.success(
              Json.createObjectBuilder()
                  .add(
                      "message",
                      placed.isEmpty()
                          ? "No open positions to close"
                          : "All Open Positions Squared Off"));
        });
  }

  static boolean semiAuto(OpenAlgoCall call) {
    return call.key().orderMode() == OrderMode.SEMI_AUTO;
  }

  /** OpenAlgo's own refusal: a semi-automatic key may only place (for a person to approve). */
  static Response notInSemiAuto(String operation, String what) {
    return OpenAlgoReply.error(
        403,
        operation
            + " operation is not allowed in Semi-Auto mode. Please switch to Auto mode to "
            + what
            + ".");
  }
}
