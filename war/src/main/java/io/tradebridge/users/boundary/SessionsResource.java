package io.tradebridge.users.boundary;

import io.tradebridge.access.boundary.Access;
import io.tradebridge.access.boundary.Caller;
import io.tradebridge.access.boundary.Role;
import io.tradebridge.access.boundary.Via;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A person's signed-in browsers, and signing one of them out (API.md, "Your own account"). */
@ApplicationScoped
@Path("v1/security/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Access(value = Via.SESSION, role = Role.ANY)
public class SessionsResource {

  @Inject Caller caller;
  @Inject Sessions sessions;

  @GET
  public List<SessionView> list() {
    return sessions.list(caller.userId(), caller.sessionToken());
  }

  @DELETE
  @Path("{id}")
  @APIResponse(responseCode = "204", description = "Signed out")
  public Response end(@PathParam("id") String id) {
    sessions.end(caller.userId(), id);
    return Response.noContent().build();
  }
}
