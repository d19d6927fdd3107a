package io.tradebridge.signin.boundary;

import io.tradebridge.access.boundary.Access;
import io.tradebridge.access.boundary.Caller;
import io.tradebridge.access.boundary.CostsAPasswordHash;
import io.tradebridge.access.boundary.ForwardedScheme;
import io.tradebridge.access.boundary.Role;
import io.tradebridge.access.boundary.Via;
import io.tradebridge.common.control.FieldChecks;
import io.tradebridge.users.boundary.LoginResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Registration, login (with its code step) and logout. */
@ApplicationScoped
@Path("v1/auth")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

  @Inject Registration registration;
  @Inject Login login;
  @Inject Passwords passwords;
  @Inject Caller caller;
  @Context HttpServletRequest request;

  @POST
  @Path("register")
  @CostsAPasswordHash
  @APIResponse(
      responseCode = "201",
      description = "Registered, with the first API key, shown in full only here",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = Registered.class)))
  public Response register(RegisterRequest request) {
    Registered registered = registration.register(request);
    return Response.created(URI.create("v1/me")).entity(registered).build();
  }

  @POST
  @Path("login")
  @CostsAPasswordHash
  @APIResponse(
      responseCode = "200",
      description = "Signed in (session cookie set), or TOTP_REQUIRED with a challenge",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = LoginResponse.class)))
  public Response login(LoginRequest request) {
    new FieldChecks()
        .text("username", request.username(), 1, 64)
        .text("password", request.password(), 1, 256)
        .orThrow();
    LoginResult result = login.login(request.username(), request.password());
    if (result instanceof LoginResult.TotpRequired challenge) {
      return Response.ok(LoginResponse.totpRequired(challenge.challengeId())).build();
    }
    return authenticated((LoginResult.Authenticated) result);
  }

  @POST
  @Path("login/totp")
  @CostsAPasswordHash
  @APIResponse(
      responseCode = "200",
      description = "Signed in (session cookie set)",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = LoginResponse.class)))
  public Response loginWithCode(CodeLoginRequest request) {
    new FieldChecks()
        .text("challengeId", request.challengeId(), 1, 64)
        .text("code", request.code(), 1, 32)
        .orThrow();
    return authenticated(login.completeWithCode(request.challengeId(), request.code()));
  }

  /**
   * API.md, "Your own account": the old password (and a code with credentials 2FA), then a new one.
   */
  @POST
  @Path("password")
  @Access(value = Via.SESSION, role = Role.ANY)
  @APIResponse(responseCode = "204", description = "Changed; every other session ended")
  public Response changePassword(PasswordChange request) {
    passwords.change(
        caller.userId(),
        caller.sessionToken(),
        request.password(),
        request.newPassword(),
        request.totpCode());
    return Response.noContent().build();
  }

  /** 202 whatever the address: nothing tells whether it belongs to anyone. */
  @POST
  @Path("password-reset")
  @CostsAPasswordHash
  @APIResponse(
      responseCode = "202",
      description = "Accepted, whatever the address (a link is e-mailed if it is known)")
  public Response requestReset(ResetRequest request) {
    passwords.requestReset(request.email());
    return Response.accepted().build();
  }

  @POST
  @Path("password-reset/confirm")
  @CostsAPasswordHash
  @APIResponse(responseCode = "204", description = "Changed; every session ended")
  public Response confirmReset(ResetConfirmation request) {
    passwords.confirmReset(request.token(), request.newPassword(), request.totpCode());
    return Response.noContent().build();
  }

  public record PasswordChange(String password, String newPassword, String totpCode) {
    @Override
    public String toString() {
      return "PasswordChange[hidden]";
    }
  }

  public record ResetRequest(String email) {}

  public record ResetConfirmation(String token, String newPassword, String totpCode) {
    @Override
    public String toString() {
      return "ResetConfirmation[hidden]";
    }
  }

  @POST
  @Path("logout")
  @Access(value = Via.SESSION, role = Role.ANY)
  @APIResponse(responseCode = "204", description = "Signed out")
  public Response logout() {
    if (caller.sessionToken() != null) {
      // A single sign-on token has no session here to end; it ends at the identity provider.
      login.logout(caller.sessionToken());
    }
    return Response.noContent().cookie(SessionCookies.cleared(secure())).build();
  }

  private Response authenticated(LoginResult.Authenticated session) {
    return Response.ok(LoginResponse.authenticated(session.csrfToken()))
        .cookie(SessionCookies.open(session.sessionToken(), secure()))
        .build();
  }

  private boolean secure() {
    return ForwardedScheme.of(request);
  }
}
