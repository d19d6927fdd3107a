package io.tradebridge.orders.boundary;

import io.tradebridge.access.boundary.Access;
import io.tradebridge.access.boundary.Caller;
import io.tradebridge.access.boundary.ChargedPerOrder;
import io.tradebridge.access.boundary.Via;
import io.tradebridge.access.entity.Permission;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.orders.entity.OrderRequest;
import io.tradebridge.orders.entity.OrderStatus;
import io.tradebridge.protection.boundary.RateLimiter;
import io.tradebridge.protection.control.RateKind;
import io.tradebridge.rest.QueryParams;
import io.tradebridge.rest.problem.Problem;
import io.tradebridge.rest.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Placing and managing orders: a key with TRADE to change, READ to read, or a person's session. */
@ApplicationScoped
@Path("v1/orders")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource {

  @Inject Caller caller;
  @Inject OrderPlacement placement;
  @Inject Orders orders;
  @Inject RateLimiter limiter;
  @Inject GroupOrders groupOrders;
  @Inject Groups groups;

  @POST
  @Access(
      value = {Via.API_KEY, Via.SESSION},
      requires = Permission.TRADE)
  @APIResponse(
      responseCode = "201",
      description =
          "Placed (a repeat with the same client order id answers as the first did); an order"
              + " naming a group answers one order per member",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(oneOf = {OrderView.class, GroupOrderAnswer.class})))
  @APIResponse(
      responseCode = "202",
      description = "Held for a person's approval (a SEMI_AUTO key)",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = OrdersResource.Held.class)))
  public Response place(
      OrderRequest request, @HeaderParam("Idempotency-Key") String idempotencyKey) {
    if (request.group() != null) {
      return PlacedAnswers.group(
          groupOrders.place(caller.userId(), caller.key(), request, idempotencyKey));
    }
    return PlacedAnswers.response(
        placement.place(caller.userId(), caller.key(), request, idempotencyKey));
  }

  @GET
  @Access(
      value = {Via.API_KEY, Via.SESSION},
      requires = Permission.READ)
  public List<OrderView> list(
      @QueryParam("account") String account, @QueryParam("status") String status) {
    return orders.list(
        caller.userId(),
        QueryParams.blankToNull(account),
        QueryParams.enumOrNull("status", status, OrderStatus.class));
  }

  /** Cancels every working order of an account (or of all accounts); each cancel stands alone. */
  @DELETE
  @Access(
      value = {Via.API_KEY, Via.SESSION},
      requires = Permission.TRADE)
  @ChargedPerOrder
  public CancelAllResult cancelAll(
      @QueryParam("account") String account, @QueryParam("group") String group) {
    List<String> cancelled = new ArrayList<>();
    List<CancelAllResult.Failure> failed = new ArrayList<>();
    for (String orderId : workingOrderIds(account, group)) {
      try {
        limiter.charge(caller.key(), RateKind.ORDERS, 1);
        cancelled.add(orders.cancel(caller.userId(), orderId).orderId());
      } catch (TradebridgeException e) {
        failed.add(new CancelAllResult.Failure(orderId, Problems.of(e)));
      }
    }
    return new CancelAllResult(cancelled, failed);
  }

  /**
   * The working orders cancel-all takes: one account's, every member's of a group (a desk's "cancel
   * all" for its group, as square-off by group), or all the caller's.
   */
  private List<String> workingOrderIds(String account, String group) {
    String oneAccount = QueryParams.blankToNull(account);
    String groupName = QueryParams.blankToNull(group);
    if (groupName == null) {
      return orders.workingOrderIds(caller.userId(), oneAccount);
    }
    if (oneAccount != null) {
      throw TradebridgeException.validation("group", "name either account or group, not both");
    }
    List<String> ids = new ArrayList<>();
    groups
        .byName(caller.userId(), groupName)
        .orElseThrow(() -> TradebridgeException.notFound("group '" + groupName + "'"))
        .members()
        .forEach(m -> ids.addAll(orders.workingOrderIds(caller.userId(), m.account())));
    return ids;
  }

  /**
   * 201 for an order naming a group: one entry per member, in the group's order; {@code status} is
   * the HTTP status that member's order alone would have got (201, 202, 4xx), as in a batch.
   */
  public record GroupOrderAnswer(String groupOrderId, List<MemberAnswer> orders) {
    public record MemberAnswer(
        String account,
        int quantity,
        int status,
        String orderId,
        String actionId,
        Problem problem) {}
  }

  /** 202: a SEMI_AUTO key's order (or change to one), held in the action center. */
  public record Held(String actionId, String status) {}

  public record CancelAllResult(List<String> cancelled, List<Failure> failed) {
    public record Failure(String orderId, Problem problem) {}
  }

  @GET
  @Path("{orderId}")
  @Access(
      value = {Via.API_KEY, Via.SESSION},
      requires = Permission.READ)
  public OrderView get(@PathParam("orderId") String orderId) {
    return orders.get(caller.userId(), orderId);
  }

  @POST
  @Path("{orderId}/cancel-children")
  @Access(
      value = {Via.API_KEY, Via.SESSION},
      requires = Permission.TRADE)
  public ChildrenResult cancelChildren(@PathParam("orderId") String orderId) {
    return new ChildrenResult(orders.cancelChildren(caller.userId(), orderId));
  }

  public record ChildrenResult(List<OrderView> orders) {}

  @PATCH
  @Path("{orderId}")
  @Access(
      value = {Via.API_KEY, Via.SESSION},
      requires = Permission.TRADE)
  @APIResponse(
      responseCode = "200",
      description = "Changed",
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
  public Response modify(@PathParam("orderId") String orderId, OrderPatch patch) {
    Modification outcome = orders.modify(caller.userId(), orderId, patch, caller.key());
    if (outcome instanceof Modification.Held held) {
      return Response.status(202).entity(new Held(held.actionId(), "PENDING_APPROVAL")).build();
    }
    return Response.ok(((Modification.Changed) outcome).order()).build();
  }

  @DELETE
  @Path("{orderId}")
  @Access(
      value = {Via.API_KEY, Via.SESSION},
      requires = Permission.TRADE)
  public OrderView cancel(@PathParam("orderId") String orderId) {
    return orders.cancel(caller.userId(), orderId);
  }
}
