package io.tradebridge.copying.boundary;

import io.tradebridge.access.boundary.Access;
import io.tradebridge.access.boundary.Caller;
import io.tradebridge.access.boundary.Via;
import io.tradebridge.rest.QueryParams;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Copy rules (API.md, "Groups and copy trading"): a person sets them up in a session — a rule
 * trades every child account whenever its master trades, which no program's key should be able to
 * arrange.
 */
@ApplicationScoped
@Path("v1/copy-rules")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Access(Via.SESSION)
public class CopyRulesResource {

  static final int DEFAULT_LOG_LINES = 200;

  @Inject Caller caller;
  @Inject CopyRules rules;

  @GET
  public List<CopyRuleView> list() {
    return rules.list(caller.userId());
  }

  @POST
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = CopyRuleView.class)))
  public Response create(CopyRuleRequest request) {
    CopyRuleView rule = rules.create(caller.userId(), request);
    return Response.created(URI.create("v1/copy-rules/" + rule.id())).entity(rule).build();
  }

  @PUT
  @Path("{id}")
  public CopyRuleView update(@PathParam("id") String id, CopyRuleRequest request) {
    return rules.update(caller.userId(), id, request);
  }

  @DELETE
  @Path("{id}")
  @APIResponse(responseCode = "204", description = "Removed")
  public Response delete(@PathParam("id") String id) {
    rules.delete(caller.userId(), id);
    return Response.noContent().build();
  }

  /** Each copy and its outcome, newest first ({@code limit}: 1 to 1,000, 200 unless given). */
  @GET
  @Path("{id}/log")
  public List<CopyRecordView> log(@PathParam("id") String id, @QueryParam("limit") String limit) {
    Long lines = QueryParams.longOrNull("limit", limit, 1, CopyRules.MOST_LOG_LINES);
    return rules.log(caller.userId(), id, lines == null ? DEFAULT_LOG_LINES : lines.intValue());
  }
}
