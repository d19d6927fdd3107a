package io.tradebridge.web.security;

import static io.tradebridge.access.boundary.Credentials.API_KEY_HEADER;
import static io.tradebridge.access.boundary.Credentials.CSRF_HEADER;
import static io.tradebridge.access.boundary.Credentials.SESSION_COOKIE;

import io.tradebridge.access.boundary.Access;
import io.tradebridge.access.boundary.Caller;
import io.tradebridge.access.boundary.ChargedPerOrder;
import io.tradebridge.access.boundary.Role;
import io.tradebridge.access.boundary.Via;
import io.tradebridge.access.entity.KeyCaller;
import io.tradebridge.access.entity.Permission;
import io.tradebridge.common.control.ProblemCode;
import io.tradebridge.common.control.Settings;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.protection.boundary.ProtectionMetrics;
import io.tradebridge.protection.boundary.RateLimiter;
import io.tradebridge.protection.control.RateKind;
import io.tradebridge.sso.boundary.SingleSignOn;
import io.tradebridge.sso.boundary.SsoUser;
import io.tradebridge.sso.control.SsoSettings;
import io.tradebridge.sso.control.TokenRejected;
import io.tradebridge.sso.control.TokenVerifier;
import io.tradebridge.sso.control.VerifiedToken;
import io.tradebridge.users.boundary.Sessions;
import io.tradebridge.users.boundary.TokenSession;
import io.tradebridge.users.entity.User;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides who is calling before any resource runs: an {@code X-API-Key}, a session cookie (with its
 * CSRF token on every write), or a single sign-on Bearer token where a session is accepted. A token
 * is verified only on those endpoints, so forged tokens sent anywhere else cost nothing and log
 * nothing. An API key is never taken from a Bearer header. With TRADEBRIDGE_SERVER_TIMING on, the
 * time spent here is reported in a Server-Timing header.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class Authenticator implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String BEARER = "Bearer ";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  private static final String STARTED = Authenticator.class.getName() + ".started";
  private static final String AUTH_NANOS = Authenticator.class.getName() + ".nanos";

  @Context ResourceInfo resource;
  @Context HttpServletRequest servletRequest;
  @Inject Caller caller;
  @Inject Sessions sessions;
  @Inject Settings settings;
  @Inject RateLimiter limiter;
  @Inject ProtectionMetrics metrics;
  @Inject KeyAuthentication keyAuthentication;
  @Inject TokenVerifier tokenVerifier;
  @Inject SingleSignOn singleSignOn;
  @Inject TokenSession tokenSession;
  @Inject SsoSettings ssoSettings;

  @Override
  public void filter(ContainerRequestContext request) {
    Access access = accessOf();
    if (access == null) {
      return;
    }
    long started = System.nanoTime();
    request.setProperty(STARTED, started);
    try {
      authenticate(request, access);
    } finally {
      request.setProperty(AUTH_NANOS, System.nanoTime() - started);
    }
  }

  private void authenticate(ContainerRequestContext request, Access access) {
    List<Via> allowed = Arrays.asList(access.value());
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      if (!allowed.contains(Via.SESSION)) {
        metrics.authenticationFailed("token_not_accepted_here");
        throw TradebridgeException.unauthenticated();
      }
      signInWithToken(authorization.substring(BEARER.length()).strip(), access);
      return;
    }
    String apiKey = request.getHeaderString(API_KEY_HEADER);
    if (apiKey != null) {
      if (!allowed.contains(Via.API_KEY)) {
        throw new TradebridgeException(
            ProblemCode.SESSION_REQUIRED,
            "this endpoint is for a signed-in person; API keys cannot use it");
      }
      KeyCaller key = keyAuthentication.authenticate(apiKey, access.requires());
      if (resource.getResourceMethod().getAnnotation(ChargedPerOrder.class) == null) {
        boolean changes = Arrays.asList(access.requires()).contains(Permission.TRADE);
        limiter.charge(key, changes ? RateKind.ORDERS : RateKind.READS, 1);
      }
      return;
    }
    Cookie cookie = request.getCookies().get(SESSION_COOKIE);
    if (cookie != null && allowed.contains(Via.SESSION)) {
      String token = cookie.getValue();
      User user = sessions.resolve(token).orElse(null);
      if (user == null) {
        metrics.authenticationFailed("bad_session");
        throw TradebridgeException.unauthenticated();
      }
      if (!SAFE_METHODS.contains(request.getMethod())
          && !sessions.csrfMatches(token, request.getHeaderString(CSRF_HEADER))) {
        throw new TradebridgeException(
            ProblemCode.CSRF,
            "send the X-CSRF-Token header with the token from login or GET /api/v1/me");
      }
      boolean admin = user.isAdmin();
      requireRole(access, true, admin);
      caller.signedInWithSession(user.id(), token, admin);
      return;
    }
    if (cookie != null) {
      throw TradebridgeException.forbidden(
          "this endpoint takes an API key in the X-API-Key header");
    }
    throw TradebridgeException.unauthenticated();
  }

  private void signInWithToken(String token, Access access) {
    VerifiedToken verified;
    try {
      verified = tokenVerifier.verify(token);
    } catch (TokenRejected rejected) {
      metrics.authenticationFailed("token_" + rejected.reason().name().toLowerCase(Locale.ROOT));
      if (rejected.reason() == TokenRejected.Reason.NOT_CONFIGURED) {
        throw new TradebridgeException(
            ProblemCode.UNAUTHENTICATED, "this server does not accept single sign-on tokens");
      }
      throw TradebridgeException.unauthenticated();
    }
    SsoUser user = singleSignOn.signIn(verified);
    requireRole(access, user.trader(), user.admin());
    Instant authTime = verified.authTime();
    tokenSession.signedIn(
        user.userId(),
        authTime == null ? null : authTime.plusSeconds(ssoSettings.stepUpMaxAgeSeconds()));
    caller.signedInWithToken(user.userId(), user.admin());
  }

  private static void requireRole(Access access, boolean trader, boolean admin) {
    boolean allowed =
        switch (access.role()) {
          case ANY -> true;
          case TRADER -> trader;
          case ADMIN -> admin;
        };
    if (!allowed) {
      throw TradebridgeException.forbidden(
          access.role() == Role.ADMIN
              ? "this needs an administrator"
              : "this needs the trader role");
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object nanos = request.getProperty(AUTH_NANOS);
    if (nanos instanceof Long n && settings.serverTiming()) {
      response
          .getHeaders()
          .add("Server-Timing", String.format(Locale.ROOT, "auth;dur=%.3f", n / 1_000_000.0));
    }
  }

  private Access accessOf() {
    if (resource == null || resource.getResourceMethod() == null) {
      return null;
    }
    Access onMethod = resource.getResourceMethod().getAnnotation(Access.class);
    return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(Access.class);
  }
}
