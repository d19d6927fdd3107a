package io.tradebridge.web.security;

import io.tradebridge.access.boundary.CostsAPasswordHash;
import io.tradebridge.protection.boundary.RateLimiter;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Limits, per address, the requests that cost a password hash ({@link CostsAPasswordHash}), before
 * the body is even read: a flood of sign-ins from one address gets 429 with Retry-After for the
 * price of a counter, and everyone else's sign-in keeps its speed. Per address, not per username,
 * so that nobody can use it to keep a particular person out.
 */
@Provider
@CostsAPasswordHash
@Priority(Priorities.AUTHENTICATION - 50)
public class SignInThrottle implements ContainerRequestFilter {

  @Inject RateLimiter limiter;
  @Inject KeyAuthentication keyAuthentication;

  @Override
  public void filter(ContainerRequestContext request) {
    limiter.chargeSignIn(keyAuthentication.address());
  }
}
