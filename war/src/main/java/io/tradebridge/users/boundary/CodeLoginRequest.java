package io.tradebridge.users.boundary;

/** POST /api/v1/auth/login/totp: the challenge from the first step and a 6-digit or recovery code. */
public record CodeLoginRequest(String challengeId, String code) {
  @Override
  public String toString() {
    return "CodeLoginRequest[hidden]";
  }
}
