package io.tradebridge.twofactor.boundary;

import io.tradebridge.access.boundary.Access;
import io.tradebridge.access.boundary.Caller;
import io.tradebridge.access.boundary.Via;
import io.tradebridge.common.control.FieldChecks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Setting up, changing and turning off the authenticator. Session only: a key cannot touch 2FA. */
@ApplicationScoped
@Path("v1/security/totp")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Access(Via.SESSION)
public class TotpResource {

  @Inject Caller caller;
  @Inject TwoFactor twoFactor;

  @POST
  @Path("setup")
  public TotpSetup setup(TotpRequests.Setup request) {
    new FieldChecks().optionalText("password", request.password(), 256).orThrow();
    return twoFactor.setup(caller.userId(), request.password());
  }

  @POST
  @Path("activate")
  public TotpRequests.RecoveryCodesIssued activate(TotpRequests.Activate request) {
    checkChoice(
        new FieldChecks().text("code", request.code(), 1, 32),
        request.login(),
        request.credentials());
    return new TotpRequests.RecoveryCodesIssued(
        twoFactor.activate(
            caller.userId(),
            request.code(),
            new TotpChoice(request.login(), request.credentials())));
  }

  @PUT
  public TotpChoice change(TotpRequests.Change request) {
    checkChoice(
        new FieldChecks()
            .optionalText("password", request.password(), 256)
            .text("code", request.code(), 1, 32),
        request.login(),
        request.credentials());
    TotpChoice choice = new TotpChoice(request.login(), request.credentials());
    twoFactor.change(caller.userId(), request.password(), request.code(), choice);
    return choice;
  }

  @DELETE
  @APIResponse(responseCode = "204", description = "Two-factor authentication turned off")
  public Response disable(TotpRequests.Disable request) {
    new FieldChecks()
        .optionalText("password", request.password(), 256)
        .text("code", request.code(), 1, 32)
        .orThrow();
    twoFactor.disable(caller.userId(), request.password(), request.code());
    return Response.noContent().build();
  }

  private static void checkChoice(FieldChecks checks, Boolean login, Boolean credentials) {
    checks.required("login", login).required("credentials", credentials);
    if (login != null && credentials != null) {
      checks.that(
          login || credentials,
          "login",
          "choose at least one step to protect: login, credentials or both");
    }
    checks.orThrow();
  }
}
