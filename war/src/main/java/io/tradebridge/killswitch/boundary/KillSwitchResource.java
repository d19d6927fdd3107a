package io.tradebridge.killswitch.boundary;

import io.tradebridge.access.boundary.Access;
import io.tradebridge.access.boundary.Caller;
import io.tradebridge.access.boundary.Via;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The "I think my key leaked" button: one request, after the password. */
@ApplicationScoped
@Path("v1/security/kill-switch")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Access(Via.SESSION)
public class KillSwitchResource {

  @Inject Caller caller;
  @Inject KillSwitch killSwitch;

  @POST
  public KillSwitchResult pull(KillSwitchRequest proof) {
    return killSwitch.pull(
        caller.userId(), proof.password(), proof.totpCode(), proof.recoveryCode());
  }

  /** The step-up (password, and a code with credentials 2FA) or, instead, one recovery code. */
  public record KillSwitchRequest(String password, String totpCode, String recoveryCode) {

    @Override
    public String toString() {
      return "KillSwitchRequest[…]";
    }
  }
}
