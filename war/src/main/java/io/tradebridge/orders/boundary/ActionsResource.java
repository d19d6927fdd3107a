package io.tradebridge.orders.boundary;

import io.tradebridge.access.boundary.Access;
import io.tradebridge.access.boundary.Caller;
import io.tradebridge.access.boundary.Via;
import io.tradebridge.orders.entity.PendingAction;
import io.tradebridge.rest.QueryParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The action center: a person approves what a SEMI_AUTO key asked for. Never reachable with a key.
 */
@ApplicationScoped
@Path("v1/actions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Access(Via.SESSION)
public class ActionsResource {

  @Inject Caller caller;
  @Inject ActionCenter actions;
  @Inject ActionApproval approval;

  public record Approved(String orderId) {}

  public record Rejection(String reason) {}

  @GET
  public List<ActionView> list(@QueryParam("status") String status) {
    return actions.list(
        caller.userId(), QueryParams.enumOrNull("status", status, PendingAction.Status.class));
  }

  @POST
  @Path("{actionId}/approve")
  public Approved approve(@PathParam("actionId") String actionId) {
    return new Approved(approval.approve(caller.userId(), actionId));
  }

  @POST
  @Path("{actionId}/reject")
  public ActionView reject(@PathParam("actionId") String actionId, Rejection rejection) {
    return actions.reject(caller.userId(), actionId, rejection.reason());
  }
}
