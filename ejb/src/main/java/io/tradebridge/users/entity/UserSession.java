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
 * A browser session, stored in the database so that every server node sees it and a restart keeps
 * it. Only the HMAC digest of the cookie's token is stored: a copy of the table opens no session.
 */
@Entity
@Table(name = "TB_SESSION", indexes = @Index(name = "IX_SESSION_USER", columnList = "USERID"))
@NamedQuery(
    name = UserSession.DELETE_EXPIRED,
    query = "DELETE FROM UserSession s WHERE s.expiresAt < :now OR s.lastSeenAt < :idleSince")
@NamedQuery(
    name = UserSession.DELETE_FOR_USER,
    query = "DELETE FROM UserSession s WHERE s.userId = :userId")
@NamedQuery(
    name = UserSession.BY_USER,
    query = "SELECT s FROM UserSession s WHERE s.userId = :userId ORDER BY s.createdAt DESC")
public class UserSession {

  public static final String DELETE_EXPIRED = "UserSession.deleteExpired";
  public static final String DELETE_FOR_USER = "UserSession.deleteForUser";
  public static final String BY_USER = "UserSession.byUser";
  public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);
  public static final Duration ABSOLUTE_TIMEOUT = Duration.ofHours(12);

  /** lastSeenAt is written at most this often, so reading pages does not write on every request. */
  private static final Duration TOUCH_INTERVAL = Duration.ofSeconds(60);

  @Id
  @Column(length = 64)
  private String digest;

  @Column(name = "USERID", nullable = false, length = 36)
  private String userId;

  @Column(nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private Instant expiresAt;

  @Column(nullable = false)
  private Instant lastSeenAt;

  /** What the person sees in their list of sessions and names to end one: never the digest. */
  @Column(name = "PUBLIC_ID", length = 36)
  private String publicId;

  @Column(length = 64)
  private String ip;

  @Column(length = 255)
  private String userAgent;

  protected UserSession() {}

  public UserSession(String digest, String userId, Instant now) {
    this(digest, userId, now, null, null, null);
  }

  public UserSession(
      String digest, String userId, Instant now, String publicId, String ip, String userAgent) {
    this.digest = digest;
    this.userId = userId;
    this.createdAt = now;
    this.expiresAt = now.plus(ABSOLUTE_TIMEOUT);
    this.lastSeenAt = now;
    this.publicId = publicId;
    this.ip = ip == null ? null : ip.substring(0, Math.min(64, ip.length()));
    this.userAgent =
        userAgent == null ? null : userAgent.substring(0, Math.min(255, userAgent.length()));
  }

  public boolean isLive(Instant now) {
    return now.isBefore(expiresAt) && now.isBefore(lastSeenAt.plus(IDLE_TIMEOUT));
  }

  /** Returns true when the session was due a new lastSeenAt (and so needs writing). */
  public boolean touch(Instant now) {
    if (Duration.between(lastSeenAt, now).compareTo(TOUCH_INTERVAL) < 0) {
      return false;
    }
    lastSeenAt = now;
    return true;
  }

  public String userId() {
    return userId;
  }

  public String digest() {
    return digest;
  }

  /** Sessions opened by earlier releases get theirs when first listed. */
  public String publicId(java.util.function.Supplier<String> newId) {
    if (publicId == null) {
      publicId = newId.get();
    }
    return publicId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant lastSeenAt() {
    return lastSeenAt;
  }

  public String ip() {
    return ip;
  }

  public String userAgent() {
    return userAgent;
  }
}
