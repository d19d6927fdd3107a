package io.tradebridge.signin.boundary;

/** {@code {status:"AUTHENTICATED", csrfToken}} or {@code {status:"TOTP_REQUIRED", challengeId}}. */
public record LoginResponse(String status, String csrfToken, String challengeId) {

  static LoginResponse authenticated(String csrfToken) {
    return new LoginResponse("AUTHENTICATED", csrfToken, null);
  }

  static LoginResponse totpRequired(String challengeId) {
    return new LoginResponse("TOTP_REQUIRED", null, challengeId);
  }
}
