package io.tradebridge.orders.boundary;

import io.tradebridge.access.boundary.Access;
import io.tradebridge.access.boundary.Caller;
import io.tradebridge.access.boundary.Via;
import io.tradebridge.access.entity.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A trading desk's groups of pseudo accounts (API.md, "Groups and copy trading"): a person or a
 * program with TRADE makes and changes them, READ lists them; an order names one with {@code group}
 * instead of {@code account}.
 */
@ApplicationScoped
@Path("v1/groups")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Access(
    value = {Via.API_KEY, Via.SESSION},
    requires = Permission.TRADE)
public class GroupsResource {

  @Inject Caller caller;
  @Inject Groups groups;

  @GET
  @Access(
      value = {Via.API_KEY, Via.SESSION},
      requires = Permission.READ)
  public List<GroupView> list() {
    return groups.list(caller.userId());
  }

  @POST
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = GroupView.class)))
  public Response create(GroupRequest request) {
    GroupView group = groups.create(caller.userId(), request);
    return Response.created(URI.create("v1/groups/" + group.id())).entity(group).build();
  }

  @PUT
  @Path("{id}")
  public GroupView update(@PathParam("id") String id, GroupRequest request) {
    return groups.update(caller.userId(), id, request);
  }

  @DELETE
  @Path("{id}")
  @APIResponse(responseCode = "204", description = "Removed")
  public Response delete(@PathParam("id") String id) {
    groups.delete(caller.userId(), id);
    return Response.noContent().build();
  }
}
