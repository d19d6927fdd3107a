package io.tradebridge.users.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * The half-finished login between a correct password and the authenticator code; lives 5 minutes.
 */
@Entity
@Table(name = "TB_LOGIN_CHALLENGE")
@NamedQuery(
    name = LoginChallenge.DELETE_EXPIRED,
    query = "DELETE FROM LoginChallenge c WHERE c.expiresAt < :now")
public class LoginChallenge {

  public static final String DELETE_EXPIRED = "LoginChallenge.deleteExpired";
  public static final Duration LIFETIME = Duration.ofMinutes(5);

  @Id
  @Column(length = 64)
  private String digest;

  @Column(nullable = false, length = 36)
  private String userId;

  @Column(nullable = false)
  private Instant expiresAt;

  protected LoginChallenge() {}

  public LoginChallenge(String digest, String userId, Instant now) {
    this.digest = digest;
    this.userId = userId;
    this.expiresAt = now.plus(LIFETIME);
  }

  public boolean isLive(Instant now) {
    return now.isBefore(expiresAt);
  }

  public String userId() {
    return userId;
  }
}
