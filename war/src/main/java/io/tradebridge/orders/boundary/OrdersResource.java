package io.tradebridge.orders.boundary;

import io.tradebridge.apikeys.control.Permission;
import io.tradebridge.orders.control.OrderStatus;
import io.tradebridge.web.QueryParams;
import io.tradebridge.web.security.Access;
import io.tradebridge.web.security.Caller;
import io.tradebridge.web.security.Via;
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
import java.net.URI;
import java.util.List;

/** Placing and managing orders: a key with TRADE to change, READ to read, or a person's session. */
@Path("v1/orders")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource {

  @Inject Caller caller;
  @Inject OrderPlacement placement;
  @Inject Orders orders;

  @POST
  @Access(value = {Via.API_KEY, Via.SESSION}, requires = Permission.TRADE)
  public Response place(OrderRequest request, @HeaderParam("Idempotency-Key") String idempotencyKey) {
    Placed placed = placement.place(caller.userId(), caller.key(), request, idempotencyKey);
    return Response.status(placed.status()).location(URI.create("v1/orders/" + placed.order().orderId()))
        .entity(placed.order()).build();
  }

  @GET
  @Access(value = {Via.API_KEY, Via.SESSION}, requires = Permission.READ)
  public List<OrderView> list(@QueryParam("account") String account, @QueryParam("status") String status) {
    return orders.list(caller.userId(), QueryParams.blankToNull(account),
        QueryParams.enumOrNull("status", status, OrderStatus.class));
  }

  @GET
  @Path("{orderId}")
  @Access(value = {Via.API_KEY, Via.SESSION}, requires = Permission.READ)
  public OrderView get(@PathParam("orderId") String orderId) {
    return orders.get(caller.userId(), orderId);
  }

  @PATCH
  @Path("{orderId}")
  @Access(value = {Via.API_KEY, Via.SESSION}, requires = Permission.TRADE)
  public OrderView modify(@PathParam("orderId") String orderId, OrderPatch patch) {
    return orders.modify(caller.userId(), orderId, patch);
  }

  @DELETE
  @Path("{orderId}")
  @Access(value = {Via.API_KEY, Via.SESSION}, requires = Permission.TRADE)
  public OrderView cancel(@PathParam("orderId") String orderId) {
    return orders.cancel(caller.userId(), orderId);
  }
}
