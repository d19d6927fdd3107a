package io.tradebridge.signin.boundary;

import io.tradebridge.twofactor.boundary.TotpChoice;

/**
 * GET /api/v1/me: enough for a reloaded page to carry on with its session. {@code csrfToken} is
 * null for a single sign-on token (no cookie, so nothing to forge); {@code signIn} is "password" or
 * "sso".
 */
public record Me(
    String userId,
    String username,
    String email,
    TotpChoice totp,
    String csrfToken,
    boolean admin,
    String signIn) {}
