package io.tradebridge.users.boundary;

import io.tradebridge.twofactor.boundary.TotpChoice;

/** GET /api/v1/me: enough for a reloaded page to carry on with its session. */
public record Me(String userId, String username, String email, TotpChoice totp, String csrfToken) {}
