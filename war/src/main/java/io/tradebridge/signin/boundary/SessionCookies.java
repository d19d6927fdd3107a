package io.tradebridge.signin.boundary;

import io.tradebridge.access.boundary.Credentials;
import jakarta.ws.rs.core.NewCookie;

/** The session cookie: HttpOnly, SameSite=Strict, Secure whenever the request came over HTTPS. */
final class SessionCookies {

  private SessionCookies() {}

  static NewCookie open(String token, boolean secure) {
    return base(token, secure).build();
  }

  static NewCookie cleared(boolean secure) {
    return base("", secure).maxAge(0).build();
  }

  private static NewCookie.Builder base(String value, boolean secure) {
    return new NewCookie.Builder(Credentials.SESSION_COOKIE)
        .value(value)
        .path("/")
        .httpOnly(true)
        .secure(secure)
        .sameSite(NewCookie.SameSite.STRICT);
  }
}
