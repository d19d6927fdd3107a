package io.tradebridge.access.boundary;

/** Where a caller presents who they are (API.md, "Authentication"). */
public final class Credentials {

  /** The API key of a program. */
  public static final String API_KEY_HEADER = "X-API-Key";

  /** A signed-in person's session cookie; HttpOnly, SameSite=Strict. */
  public static final String SESSION_COOKIE = "TB_SESSION";

  /** The session's CSRF token, required on every unsafe method with a session cookie. */
  public static final String CSRF_HEADER = "X-CSRF-Token";

  private Credentials() {}
}
