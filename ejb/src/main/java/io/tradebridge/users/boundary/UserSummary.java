package io.tradebridge.users.boundary;

import io.tradebridge.users.entity.User;
import java.time.Instant;

/** A user as an administrator sees them: never a password hash, key or secret. */
public record UserSummary(
    String userId,
    String username,
    String email,
    String status,
    String signIn,
    Instant createdAt,
    boolean admin) {

  public static UserSummary of(User user) {
    return new UserSummary(
        user.id(),
        user.username(),
        user.email(),
        user.status().name(),
        user.signsInWithSso() ? "sso" : "password",
        user.createdAt(),
        user.isAdmin());
  }
}
