package io.tradebridge.users.boundary;

/** POST /api/v1/auth/login. */
public record LoginRequest(String username, String password) {
  @Override
  public String toString() {
    return "LoginRequest[" + username + "]";
  }
}
