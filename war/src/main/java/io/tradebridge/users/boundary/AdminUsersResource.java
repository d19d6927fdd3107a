package io.tradebridge.users.boundary;

import io.tradebridge.access.boundary.Access;
import io.tradebridge.access.boundary.Caller;
import io.tradebridge.access.boundary.Role;
import io.tradebridge.access.boundary.Via;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * User administration for the {@code admin} role (a single sign-on group, or a password account
 * made an administrator by the setup token or by another administrator). Not in API.md; added with
 * single sign-on, where desks need to stop a person.
 */
@ApplicationScoped
@Path("v1/admin/users")
@Produces(MediaType.APPLICATION_JSON)
@Access(value = Via.SESSION, role = Role.ADMIN)
public class AdminUsersResource {

  @Inject Caller caller;
  @Inject UserAdministration administration;

  @GET
  public List<UserSummary> list() {
    return administration.list();
  }

  /** Signs the user out everywhere and stops their API keys and tokens at the next request. */
  @POST
  @Path("{userId}/disable")
  public UserSummary disable(@PathParam("userId") String userId) {
    return administration.disable(caller.userId(), userId);
  }

  /** Makes another password account an administrator; {@code revoke-admin} undoes it. */
  @POST
  @Path("{userId}/grant-admin")
  public UserSummary grantAdmin(@PathParam("userId") String userId) {
    return administration.grantAdmin(caller.userId(), userId);
  }

  @POST
  @Path("{userId}/revoke-admin")
  public UserSummary revokeAdmin(@PathParam("userId") String userId) {
    return administration.revokeAdmin(caller.userId(), userId);
  }

  @POST
  @Path("{userId}/enable")
  public UserSummary enable(@PathParam("userId") String userId) {
    return administration.enable(userId);
  }
}
