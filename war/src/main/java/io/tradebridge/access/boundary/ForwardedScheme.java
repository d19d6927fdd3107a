package io.tradebridge.access.boundary;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * Whether the person's browser reached us over HTTPS. Behind a TLS-terminating proxy the connection
 * to us is plain HTTP, so the proxy's {@code X-Forwarded-Proto} decides — but only from a proxy the
 * operator listed in {@code TRADEBRIDGE_TRUSTED_PROXIES}; anyone else could claim https to get a
 * cookie marked Secure for nothing, or claim http to strip it. The answer is worked out once per
 * request by {@code web.security.EdgeFilter} and kept on the request.
 */
public final class ForwardedScheme {

  public static final String ATTRIBUTE = ForwardedScheme.class.getName() + ".secure";

  private ForwardedScheme() {}

  public static boolean secure(
      boolean connectionSecure, String peer, String forwardedProto, TrustedProxies proxies) {
    if (connectionSecure) {
      return true;
    }
    if (forwardedProto == null || !proxies.trust(peer)) {
      return false;
    }
    // A chain of proxies may append: the left-most value is what the client used at the first hop.
    String first = forwardedProto.split(",", 2)[0].strip().toLowerCase(Locale.ROOT);
    return first.equals("https");
  }

  /** What {@code web.security.EdgeFilter} decided for this request. */
  public static boolean of(HttpServletRequest request) {
    return Boolean.TRUE.equals(request.getAttribute(ATTRIBUTE)) || request.isSecure();
  }
}
