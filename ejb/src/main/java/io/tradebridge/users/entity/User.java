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

@Entity
@Table(name = "TB_USER", uniqueConstraints = @UniqueConstraint(name = "UQ_USER_NAME", columnNames = "USERNAME_KEY"))
@NamedQuery(name = User.BY_NAME, query = "SELECT u FROM User u WHERE u.usernameKey = :key")
public class User {

  public static final String BY_NAME = "User.byName";

  public enum Status { ACTIVE, DISABLED }

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

  protected User() {}

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

  public boolean isActive() {
    return status == Status.ACTIVE;
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
