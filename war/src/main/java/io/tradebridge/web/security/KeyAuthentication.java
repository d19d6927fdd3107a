package io.tradebridge.web.security;

import io.tradebridge.access.boundary.Caller;
import io.tradebridge.access.boundary.ClientAddress;
import io.tradebridge.access.boundary.KeyCheck;
import io.tradebridge.access.boundary.TrustedProxies;
import io.tradebridge.access.entity.KeyCaller;
import io.tradebridge.access.entity.Permission;
import io.tradebridge.apikeys.boundary.ApiKeyAuthenticator;
import io.tradebridge.common.control.ProblemCode;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.protection.boundary.ProtectionMetrics;
import io.tradebridge.protection.boundary.RequestOrigin;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;

/**
 * Checks an API key and its permissions and makes it the request's caller: for the X-API-Key header
 * ({@link Authenticator}) and for the webhook, whose key travels in the JSON body. An address that
 * keeps sending unknown keys is answered 429 ({@link UnknownKeyThrottle}); a key that works is
 * never refused for it. Malformed keys (wrong checksum) never reach the database at all.
 */
@RequestScoped
public class KeyAuthentication implements KeyCheck {

  @Inject HttpServletRequest request;
  @Inject ApiKeyAuthenticator keys;
  @Inject UnknownKeyThrottle unknownKeys;
  @Inject Caller caller;
  @Inject TrustedProxies proxies;
  @Inject ProtectionMetrics metrics;
  @Inject RequestOrigin origin;
  @Inject Clock clock;

  @Override
  public KeyCaller authenticate(String apiKey, Permission... required) {
    if (apiKey == null || apiKey.isBlank()) {
      throw TradebridgeException.unauthenticated();
    }
    String address = address();
    long now = clock.millis();
    KeyCaller key;
    try {
      key = keys.authenticate(apiKey.strip(), address);
    } catch (TradebridgeException e) {
      if (e.code() != ProblemCode.UNAUTHENTICATED) {
        metrics.authenticationFailed("forbidden_key");
        throw e;
      }
      // A valid key is never refused for its address's failures (the key was looked up first); what
      // the throttle changes is the answer to a spraying address: 429 instead of a 401 per guess.
      long wait = unknownKeys.retryAfter(address, now);
      unknownKeys.failed(address, now);
      if (wait > 0) {
        metrics.authenticationFailed("throttled_address");
        throw TradebridgeException.rateLimited(
            wait, "too many unknown API keys from your address; slow down");
      }
      metrics.authenticationFailed("unknown_key");
      throw e;
    }
    for (Permission needed : required) {
      if (!key.may(needed)) {
        throw TradebridgeException.forbidden("this API key lacks the " + needed + " permission");
      }
    }
    caller.signedInWithKey(key);
    return key;
  }

  /**
   * The caller's address: the peer, or a trusted proxy's client. Worked out once per request (by
   * {@link TrafficRecorder}, before authentication) and then read from the request's origin.
   */
  public String address() {
    String known = origin.address();
    if (known != null) {
      return known;
    }
    String address =
        ClientAddress.of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), proxies);
    origin.set(address);
    return address;
  }
}
