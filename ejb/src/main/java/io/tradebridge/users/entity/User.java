package io.tradebridge.users.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.Locale;

/**
 * A person who signs in. Disabling one stops their API keys at once ({@link KeyChangeListener}).
 */
@Entity
@Table(
    name = "TB_USER",
    uniqueConstraints = {
      @UniqueConstraint(name = "UQ_USER_NAME", columnNames = "USERNAME_KEY"),
      @UniqueConstraint(name = "UQ_USER_SSO", columnNames = "SSO_IDENTITY")
    })
@NamedQuery(name = User.BY_NAME, query = "SELECT u FROM User u WHERE u.usernameKey = :key")
@NamedQuery(
    name = User.BY_SSO_IDENTITY,
    query = "SELECT u FROM User u WHERE u.ssoIdentity = :identity")
@NamedQuery(name = User.ALL, query = "SELECT u FROM User u ORDER BY u.usernameKey")
@NamedQuery(name = User.BY_EMAIL, query = "SELECT u FROM User u WHERE LOWER(u.email) = :email")
@NamedQuery(name = User.COUNT_ADMINS, query = "SELECT COUNT(u) FROM User u WHERE u.admin = TRUE")
public class User {

  public static final String BY_NAME = "User.byName";
  public static final String BY_SSO_IDENTITY = "User.bySsoIdentity";
  public static final String ALL = "User.all";
  public static final String BY_EMAIL = "User.byEmail";
  public static final String COUNT_ADMINS = "User.countAdmins";

  /** The password hash of a user who signs in only through single sign-on: matches no password. */
  private static final String NO_PASSWORD = "";

  public enum Status {
    ACTIVE,
    DISABLED
  }

  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false, length = 64)
  private String username;

  /** Lower-cased username: "Alice" and "alice" are one account. */
  @Column(name = "USERNAME_KEY", nullable = false, length = 64)
  private String usernameKey;

  @Column(nullable = false, length = 254)
  private String email;

  @Column(nullable = false, length = 200)
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Status status;

  @Column(nullable = false)
  private Instant createdAt;

  /** Issuer and subject of the identity provider's token, for users created by single sign-on. */
  @Column(name = "SSO_IDENTITY", length = 512)
  private String ssoIdentity;

  /**
   * A password account's administrator flag, set only by the one-time setup token or by another
   * administrator — never by a name (a name can be registered by whoever comes first). Single
   * sign-on administrators come from their token's group instead. Null in rows of earlier releases.
   */
  @Column(name = "ADMIN")
  private Boolean admin;

  /**
   * A single sign-on user whose latest token lacked the trader group: their identity provider took
   * trading away, so their API keys stop too (the key check reads this), until a token grants it
   * again.
   */
  @Column(name = "SSO_NO_TRADING")
  private Boolean tradingWithdrawn;

  protected User() {}

  /**
   * A user created on their first single sign-on: no local password, known by their token's
   * identity.
   */
  public static User fromSingleSignOn(
      String id, String username, String email, String ssoIdentity, Instant now) {
    User user = new User(id, username, email, NO_PASSWORD, now);
    user.ssoIdentity = ssoIdentity;
    return user;
  }

  public User(String id, String username, String email, String passwordHash, Instant createdAt) {
    this.id = id;
    this.username = username;
    this.usernameKey = keyOf(username);
    this.email = email;
    this.passwordHash = passwordHash;
    this.status = Status.ACTIVE;
    this.createdAt = createdAt;
  }

  public static String keyOf(String username) {
    return username.toLowerCase(Locale.ROOT);
  }

  /**
   * A new password (its hash): the change itself is the caller's to allow (step-up or a reset
   * link).
   */
  public void changePassword(String newHash) {
    if (!hasPassword()) {
      throw new IllegalStateException("a single sign-on user has no password here");
    }
    passwordHash = newHash;
  }

  /**
   * Whether this user's API keys may act: an active user whose identity provider still lets them
   * trade.
   */
  public boolean mayUseKeys() {
    return isActive() && !Boolean.TRUE.equals(tradingWithdrawn);
  }

  /** Records what the latest single sign-on token said; true when that changed anything. */
  public boolean tradingGrantedByProvider(boolean granted) {
    boolean withdrawn = !granted;
    if (withdrawn == Boolean.TRUE.equals(tradingWithdrawn)) {
      return false;
    }
    tradingWithdrawn = withdrawn;
    return true;
  }

  public boolean isAdmin() {
    return Boolean.TRUE.equals(admin);
  }

  public void grantAdmin() {
    admin = Boolean.TRUE;
  }

  public void revokeAdmin() {
    admin = Boolean.FALSE;
  }

  public boolean isActive() {
    return status == Status.ACTIVE;
  }

  public Status status() {
    return status;
  }

  public void disable() {
    status = Status.DISABLED;
  }

  public void enable() {
    status = Status.ACTIVE;
  }

  /** False for single sign-on users, whose step-up is an authenticator code or a fresh sign-in. */
  public boolean hasPassword() {
    return !NO_PASSWORD.equals(passwordHash);
  }

  public boolean signsInWithSso() {
    return ssoIdentity != null;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String email() {
    return email;
  }

  public String passwordHash() {
    return passwordHash;
  }

  @Override
  public String toString() {
    return "User[" + id + ", " + username + "]";
  }
}
