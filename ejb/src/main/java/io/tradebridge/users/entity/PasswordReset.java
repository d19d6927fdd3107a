package io.tradebridge.users.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A password reset asked for by e-mail (API.md, "Your own account"): single use, 30 minutes. Only
 * the token's digest finds it; the token itself is kept sealed just until the mailer has sent it,
 * then erased, so a copy of the table opens nothing.
 */
@Entity
@Table(
    name = "TB_PASSWORD_RESET",
    indexes = @Index(name = "IX_RESET_USER", columnList = "USERID, CREATEDAT"))
@NamedQuery(
    name = PasswordReset.TO_MAIL,
    query =
        "SELECT r FROM PasswordReset r WHERE r.sealedToken IS NOT NULL" + " ORDER BY r.createdAt")
@NamedQuery(
    name = PasswordReset.RECENT_FOR_USER,
    query =
        "SELECT COUNT(r) FROM PasswordReset r"
            + " WHERE r.userId = :userId AND r.createdAt > :since")
@NamedQuery(
    name = PasswordReset.DELETE_OLD,
    query = "DELETE FROM PasswordReset r WHERE r.expiresAt < :before")
public class PasswordReset {

  public static final String TO_MAIL = "PasswordReset.toMail";
  public static final String RECENT_FOR_USER = "PasswordReset.recentForUser";
  public static final String DELETE_OLD = "PasswordReset.deleteOld";
  public static final Duration LIFETIME = Duration.ofMinutes(30);

  @Id
  @Column(length = 64)
  private String digest;

  @Column(name = "USERID", nullable = false, length = 36)
  private String userId;

  @Column(name = "CREATEDAT", nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private Instant expiresAt;

  private Instant usedAt;

  /** The token sealed for the mailer; null once sent (or given up on). */
  @Column(length = 512)
  private String sealedToken;

  protected PasswordReset() {}

  public PasswordReset(String digest, String userId, String sealedToken, Instant now) {
    this.digest = digest;
    this.userId = userId;
    this.sealedToken = sealedToken;
    this.createdAt = now;
    this.expiresAt = now.plus(LIFETIME);
  }

  public boolean usableAt(Instant now) {
    return usedAt == null && now.isBefore(expiresAt);
  }

  public void use(Instant now) {
    usedAt = now;
  }

  /** The mailer is done with the token: it is never needed again. */
  public void mailed() {
    sealedToken = null;
  }

  public String digest() {
    return digest;
  }

  public String userId() {
    return userId;
  }

  public String sealedToken() {
    return sealedToken;
  }

  public Instant expiresAt() {
    return expiresAt;
  }
}
