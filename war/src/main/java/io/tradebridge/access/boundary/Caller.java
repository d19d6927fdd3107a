package io.tradebridge.access.boundary;

import io.tradebridge.access.entity.KeyCaller;
import io.tradebridge.common.control.TradebridgeException;
import jakarta.enterprise.context.RequestScoped;

/**
 * Who is calling, once the way in ({@code web.security.Authenticator}, {@code KeyAuthentication})
 * has decided. Resources read it; only the way in sets it (an ArchUnit rule, {@code
 * ArchitectureTest}).
 */
@RequestScoped
public class Caller {

  private String userId;
  private Via via;
  private KeyCaller key;
  private String sessionToken;
  private boolean bearer;
  private boolean admin;

  public void signedInWithSession(String userId, String sessionToken, boolean admin) {
    this.userId = userId;
    this.via = Via.SESSION;
    this.sessionToken = sessionToken;
    this.admin = admin;
  }

  /**
   * A single sign-on token counts as a session (API.md), one without a cookie, CSRF token or
   * logout.
   */
  public void signedInWithToken(String userId, boolean admin) {
    this.userId = userId;
    this.via = Via.SESSION;
    this.bearer = true;
    this.admin = admin;
  }

  public void signedInWithKey(KeyCaller key) {
    this.userId = key.userId();
    this.via = Via.API_KEY;
    this.key = key;
  }

  public String userId() {
    if (userId == null) {
      throw TradebridgeException.unauthenticated();
    }
    return userId;
  }

  /** The user, or null while nobody is identified (the traffic log skips such requests). */
  public String userIdOrNull() {
    return userId;
  }

  public Via via() {
    return via;
  }

  public KeyCaller key() {
    return key;
  }

  /** Whether the person came with a single sign-on token rather than a session cookie. */
  public boolean bearer() {
    return bearer;
  }

  public boolean admin() {
    return admin;
  }

  /**
   * The session's token, to derive its CSRF token or to end it; null for a single sign-on token.
   * Never logged.
   */
  public String sessionToken() {
    return sessionToken;
  }
}
