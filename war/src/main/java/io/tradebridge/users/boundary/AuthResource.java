package io.tradebridge.users.boundary;

import io.tradebridge.common.control.FieldChecks;
import io.tradebridge.web.security.Access;
import io.tradebridge.web.security.Caller;
import io.tradebridge.web.security.CostsAPasswordHash;
import io.tradebridge.web.security.ForwardedScheme;
import io.tradebridge.web.security.Role;
import io.tradebridge.web.security.Via;
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
  public Response register(RegisterRequest request) {
    Registered registered = registration.register(request);
    return Response.created(URI.create("v1/me")).entity(registered).build();
  }

  @POST
  @Path("login")
  @CostsAPasswordHash
  public Response login(LoginRequest request) {
    new FieldChecks().text("username", request.username(), 1, 64).text("password", request.password(), 1, 256).orThrow();
    LoginResult result = login.login(request.username(), request.password());
    if (result instanceof LoginResult.TotpRequired challenge) {
      return Response.ok(LoginResponse.totpRequired(challenge.challengeId())).build();
    }
    return authenticated((LoginResult.Authenticated) result);
  }

  @POST
  @Path("login/totp")
  @CostsAPasswordHash
  public Response loginWithCode(CodeLoginRequest request) {
    new FieldChecks().text("challengeId", request.challengeId(), 1, 64).text("code", request.code(), 1, 32).orThrow();
    return authenticated(login.completeWithCode(request.challengeId(), request.code()));
  }

  /** API.md, "Your own account": the old password (and a code with credentials 2FA), then a new one. */
  @POST
  @Path("password")
  @Access(value = Via.SESSION, role = Role.ANY)
  public Response changePassword(PasswordChange request) {
    passwords.change(caller.userId(), caller.sessionToken(), request.password(), request.newPassword(),
        request.totpCode());
    return Response.noContent().build();
  }

  /** 202 whatever the address: nothing tells whether it belongs to anyone. */
  @POST
  @Path("password-reset")
  @CostsAPasswordHash
  public Response requestReset(ResetRequest request) {
    passwords.requestReset(request.email());
    return Response.accepted().build();
  }

  @POST
  @Path("password-reset/confirm")
  @CostsAPasswordHash
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
