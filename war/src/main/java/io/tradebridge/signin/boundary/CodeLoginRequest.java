package io.tradebridge.signin.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * POST /api/v1/auth/login/totp: the challenge from the first step and a 6-digit or recovery code.
 */
public record CodeLoginRequest(
    @Schema(required = true, minLength = 1, maxLength = 64) String challengeId,
    @Schema(required = true, minLength = 1, maxLength = 32) String code) {
  @Override
  public String toString() {
    return "CodeLoginRequest[hidden]";
  }
}
