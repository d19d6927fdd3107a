package io.tradebridge.signin.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** POST /api/v1/auth/register. */
public record RegisterRequest(
    @Schema(required = true, minLength = 3, maxLength = 32) String username,
    @Schema(required = true, minLength = 3, maxLength = 254) String email,
    @Schema(required = true, minLength = 12, maxLength = 256) String password) {

  @Override
  public String toString() {
    return "RegisterRequest[" + username + "]";
  }
}
