package io.tradebridge.signin.boundary;

import io.tradebridge.access.boundary.Access;
import io.tradebridge.access.boundary.Caller;
import io.tradebridge.access.boundary.Role;
import io.tradebridge.access.boundary.Via;
import io.tradebridge.twofactor.boundary.TwoFactor;
import io.tradebridge.users.boundary.Sessions;
import io.tradebridge.users.boundary.Users;
import io.tradebridge.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@ApplicationScoped
@Path("v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Access(value = Via.SESSION, role = Role.ANY)
public class MeResource {

  @Inject Caller caller;
  @Inject Users users;
  @Inject Sessions sessions;
  @Inject TwoFactor twoFactor;

  @GET
  public Me me() {
    User user = users.byId(caller.userId());
    return new Me(
        user.id(),
        user.username(),
        user.email(),
        twoFactor.choiceOf(user.id()),
        caller.sessionToken() == null ? null : sessions.csrfTokenFor(caller.sessionToken()),
        caller.admin(),
        caller.bearer() ? "sso" : "password");
  }
}
