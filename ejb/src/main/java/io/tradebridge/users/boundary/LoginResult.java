package io.tradebridge.users.boundary;

/** What a correct password leads to: a session, or a second step asking for a code. */
public sealed interface LoginResult {

  /** The session token goes into the cookie only; the CSRF token into the response body. */
  record Authenticated(String sessionToken, String csrfToken) implements LoginResult {
    @Override
    public String toString() {
      return "Authenticated[tokens hidden]";
    }
  }

  record TotpRequired(String challengeId) implements LoginResult {
    @Override
    public String toString() {
      return "TotpRequired[challenge hidden]";
    }
  }
}
