package io.tradebridge.signin.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** POST /api/v1/auth/login. */
public record LoginRequest(
    @Schema(required = true, minLength = 1, maxLength = 64) String username,
    @Schema(required = true, minLength = 1, maxLength = 256) String password) {
  @Override
  public String toString() {
    return "LoginRequest[" + username + "]";
  }
}
