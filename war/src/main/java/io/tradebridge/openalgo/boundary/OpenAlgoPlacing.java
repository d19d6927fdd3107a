package io.tradebridge.openalgo.boundary;

import static io.tradebridge.openalgo.boundary.OpenAlgoJson.count;
import static io.tradebridge.openalgo.boundary.OpenAlgoJson.order;

import io.tradebridge.access.entity.Permission;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.openalgo.control.OpenAlgoFields;
import io.tradebridge.openalgo.control.OpenAlgoWords;
import io.tradebridge.openalgo.control.SmartOrder;
import io.tradebridge.orders.boundary.AccountReads;
import io.tradebridge.orders.boundary.OrderPlacement;
import io.tradebridge.orders.boundary.Outcome;
import io.tradebridge.orders.boundary.Placed;
import io.tradebridge.orders.control.OrderChecks;
import io.tradebridge.orders.entity.OrderRequest;
import io.tradebridge.orders.entity.Side;
import io.tradebridge.protection.control.RateKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * OpenAlgo's order placement (API.md, "OpenAlgo-compatible API"): placeorder, placesmartorder,
 * basketorder, splitorder. There is no second order path: every order goes through {@link
 * OrderPlacement} with the same checks, idempotency (an {@code Idempotency-Key} header is
 * honoured), order modes, rate limits and broker adapters, on the key's {@code defaultAccount}.
 * Only the field names, number formats and answers are OpenAlgo's. Served at {@code
 * /openalgo/api/v1/…} ({@link OpenAlgoAddress}); not in /openapi, whose contract is ours (this
 * one's is OpenAlgo's own documentation, and its errors are not problem details).
 */
@ApplicationScoped
@Path("openalgo/v1")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
public class OpenAlgoPlacing {

  static final String QUEUED = "Order queued for approval in Action Center";

  /** OpenAlgo refuses more orders than this in one split. */
  static final int MOST_SPLITS = 100;

  static final String ORDER_FIELDS =
      "strategy exchange symbol action quantity pricetype product price trigger_price"
          + " disclosed_quantity";

  @Inject OpenAlgoGate gate;
  @Inject OrderPlacement placement;
  @Inject AccountReads reads;

  /** Two smart orders for one position must not both read it flat: striped, per position. */
  private final ReentrantLock[] positionLocks = new ReentrantLock[64];

  {
    for (int i = 0; i < positionLocks.length; i++) {
      positionLocks[i] = new ReentrantLock();
    }
  }

  @POST
  @Path("placeorder")
  @Operation(hidden = true)
  public Response placeorder(
      InputStream body,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length,
      @HeaderParam("Idempotency-Key") String idempotencyKey) {
    return gate.answer(
        body,
        length,
        OpenAlgoGate.fields("apikey " + ORDER_FIELDS + " underlying_ltp " + OpenAlgoGate.EXITS),
        Permission.TRADE,
        call -> {
          OpenAlgoFields f = call.fields();
          String strategy = f.text("strategy", null);
          Integer quantity = f.quantity("quantity", true);
          f.number("underlying_ltp", BigDecimal.ZERO);
          OrderRequest order = call.order(f, strategy, quantity);
          if (order == null) {
            return OpenAlgoReply.invalid(f);
          }
          return placed(call, order, idempotencyKey);
        });
  }

  @POST
  @Path("placesmartorder")
  @Operation(hidden = true)
  public Response placesmartorder(
      InputStream body,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length,
      @HeaderParam("Idempotency-Key") String idempotencyKey) {
    return gate.answer(
        body,
        length,
        OpenAlgoGate.fields("apikey position_size " + ORDER_FIELDS + " " + OpenAlgoGate.EXITS),
        Permission.TRADE,
        call -> {
          OpenAlgoFields f = call.fields();
          String strategy = f.text("strategy", null);
          Integer quantity = f.quantity("quantity", false);
          Integer target = f.signedQuantity("position_size");
          OrderRequest given = call.order(f, strategy, quantity);
          if (given == null || target == null) {
            return OpenAlgoReply.invalid(f);
          }
          ReentrantLock lock =
              positionLocks[
                  Math.floorMod(
                      (call.userId() + given.exchange() + given.symbol() + given.productType())
                          .hashCode(),
                      positionLocks.length)];
          lock.lock();
          try {
            int current =
                call.netQuantity(
                    reads, given.exchange().name(), given.symbol(), given.productType());
            SmartOrder.Decision decision =
                SmartOrder.decide(current, target, quantity, given.side());
            if (decision instanceof SmartOrder.NoAction none) {
              return OpenAlgoReply.success(
                  Json.createObjectBuilder().add("message", none.message()));
            }
            SmartOrder.Place place = (SmartOrder.Place) decision;
            return placed(call, given.sized(place.side(), place.quantity()), idempotencyKey);
          } finally {
            lock.unlock();
          }
        });
  }

  @POST
  @Path("basketorder")
  @Operation(hidden = true)
  public Response basketorder(
      InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length) {
    return gate.answer(
        body,
        length,
        OpenAlgoGate.fields("apikey strategy orders"),
        Permission.TRADE,
        call -> {
          OpenAlgoFields f = call.fields();
          String strategy = f.text("strategy", null);
          List<JsonObject> items = f.objects("orders");
          List<OrderRequest> basket = new ArrayList<>();
          if (items != null) {
            for (int i = 0; i < items.size(); i++) {
              OpenAlgoFields item =
                  f.nested(items.get(i), "orders", i)
                      .only(OpenAlgoGate.fields(ORDER_FIELDS.replace("strategy ", "")));
              basket.add(call.order(item, strategy, item.quantity("quantity", true)));
            }
          }
          if (f.hasErrors()) {
            return OpenAlgoReply.invalid(f);
          }
          // OpenAlgo sends a basket's buys before its sells, so that margin from a buy is there.
          List<OrderRequest> ordered =
              basket.stream()
                  .sorted(Comparator.comparing(o -> o.side() == Side.BUY ? 0 : 1))
                  .toList();
          JsonArrayBuilder results = Json.createArrayBuilder();
          List<Outcome> outcomes = placeAll(call, ordered);
          for (int i = 0; i < ordered.size(); i++) {
            JsonObjectBuilder row =
                Json.createObjectBuilder()
                    .add("symbol", OpenAlgoWords.openAlgoSymbol(ordered.get(i).symbol()));
            results.add(outcome(row, outcomes.get(i)));
          }
          return OpenAlgoReply.success(Json.createObjectBuilder().add("results", results));
        });
  }

  @POST
  @Path("splitorder")
  @Operation(hidden = true)
  public Response splitorder(
      InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length) {
    return gate.answer(
        body,
        length,
        OpenAlgoGate.fields("apikey splitsize " + ORDER_FIELDS),
        Permission.TRADE,
        call -> {
          OpenAlgoFields f = call.fields();
          String strategy = f.text("strategy", null);
          Integer total = f.quantity("quantity", true);
          Integer size = f.atLeast("splitsize", 1, "Split size must be a positive integer.");
          OrderRequest whole = call.order(f, strategy, total);
          if (whole == null || size == null) {
            return OpenAlgoReply.invalid(f);
          }
          int count = (total + size - 1) / size;
          if (count > MOST_SPLITS) {
            return OpenAlgoReply.error(
                400,
                "Split would create "
                    + count
                    + " orders; the maximum is "
                    + MOST_SPLITS
                    + ". Use a larger splitsize.");
          }
          List<OrderRequest> pieces = new ArrayList<>(count);
          for (int left = total; left > 0; left -= size) {
            pieces.add(whole.sized(whole.side(), Math.min(size, left)));
          }
          List<Outcome> outcomes = placeAll(call, pieces);
          JsonArrayBuilder results = Json.createArrayBuilder();
          for (int i = 0; i < pieces.size(); i++) {
            JsonObjectBuilder row =
                Json.createObjectBuilder()
                    .add("order_num", i + 1)
                    .add("quantity", pieces.get(i).quantity());
            results.add(outcome(row, outcomes.get(i)));
          }
          return OpenAlgoReply.success(
              Json.createObjectBuilder()
                  .add("split_size", size)
                  .add("total_quantity", total)
                  .add("results", results));
        });
  }

  private Response placed(OpenAlgoCall call, OrderRequest order, String idempotencyKey) {
    OrderChecks.check(order);
    gate.charge(call.key(), RateKind.ORDERS);
    Placed placed = placement.place(call.userId(), call.key(), order, idempotencyKey);
    return OpenAlgoReply.success(placedFields(Json.createObjectBuilder(), placed));
  }

  private List<Outcome> placeAll(OpenAlgoCall call, List<OrderRequest> requests) {
    List<Outcome> outcomes = new ArrayList<>(requests.size());
    List<OrderRequest> checked = new ArrayList<>();
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      outcomes.add(null);
      try {
        OrderChecks.check(requests.get(i));
        gate.charge(call.key(), RateKind.ORDERS);
        checked.add(requests.get(i));
        at.add(i);
      } catch (TradebridgeException e) {
        outcomes.set(i, new Outcome(null, e));
      }
    }
    List<Outcome> placed = placement.placeAll(call.userId(), call.key(), checked);
    for (int j = 0; j < placed.size(); j++) {
      outcomes.set(at.get(j), placed.get(j));
    }
    return outcomes;
  }

  private static JsonObjectBuilder outcome(JsonObjectBuilder row, Outcome outcome) {
    if (outcome.refused() != null) {
      return row.add("status", "error").add("message", outcome.refused().detail());
    }
    return placedFields(row, outcome.placed()).add("status", "success");
  }

  /** OpenAlgo's answer to a placed order, or to one queued in the action center. */
  private static JsonObjectBuilder placedFields(JsonObjectBuilder answer, Placed placed) {
    if (placed instanceof Placed.AwaitingApproval held) {
      return answer
          .add("message", QUEUED)
          .add("mode", "semi_auto")
          .add("pending_order_id", held.actionId());
    }
    return answer.add("orderid", ((Placed.Accepted) placed).order().orderId());
  }
}
