package io.tradebridge.users.boundary;

/** POST /api/v1/auth/register. */
public record RegisterRequest(String username, String email, String password) {

  @Override
  public String toString() {
    return "RegisterRequest[" + username + "]";
  }
}
