package io.tradebridge.access.boundary;

/**
 * What a person must be to call a session endpoint. A password account is a trader, and an
 * administrator once made one (the setup token, or another administrator); a single sign-on user is
 * what their token's groups say. API keys always act for a trader.
 */
public enum Role {
  /** Anyone signed in (who am I, sign out). */
  ANY,
  TRADER,
  ADMIN
}
