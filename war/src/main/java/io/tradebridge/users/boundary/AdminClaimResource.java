package io.tradebridge.users.boundary;

import io.tradebridge.access.boundary.Access;
import io.tradebridge.access.boundary.Caller;
import io.tradebridge.access.boundary.Role;
import io.tradebridge.access.boundary.Via;
import io.tradebridge.common.control.FieldChecks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The first administrator claims the role with the one-time token the server wrote into its data
 * folder ({@link AdminSetup}). Not in API.md: operators' setup, like the rest of user
 * administration.
 */
@ApplicationScoped
@Path("v1/admin/claim")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Access(value = Via.SESSION, role = Role.ANY)
public class AdminClaimResource {

  @Inject Caller caller;
  @Inject AdminSetup setup;

  @POST
  public UserSummary claim(ClaimRequest request) {
    new FieldChecks().text("token", request.token(), 1, 200).orThrow();
    return setup.claim(caller.userId(), request.token());
  }

  /** The token from {@code admin-setup.token} in the data folder. */
  public record ClaimRequest(String token) {

    @Override
    public String toString() {
      return "ClaimRequest[hidden]";
    }
  }
}
