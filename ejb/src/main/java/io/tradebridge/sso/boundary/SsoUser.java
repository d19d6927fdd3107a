package io.tradebridge.sso.boundary;

/** A single sign-on caller, resolved to our user, with the roles their token's groups grant. */
public record SsoUser(String userId, String username, boolean trader, boolean admin) {}
