package io.tradebridge.apikeys.entity;

import io.tradebridge.access.entity.IpAllowlist;
import io.tradebridge.access.entity.KeyEnvironment;
import io.tradebridge.access.entity.OrderMode;
import io.tradebridge.access.entity.Permission;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An API key: the HMAC digest of its secret (unique index — how a request finds it), the secret
 * sealed with AES-GCM (so the owner can view it again after the password), and the limits on its
 * use. The plain secret is never a field of this class.
 */
@Entity
@Table(
    name = "TB_API_KEY",
    indexes = {
      @Index(name = "UX_API_KEY_DIGEST", columnList = "DIGEST", unique = true),
      @Index(name = "IX_API_KEY_USER", columnList = "USERID")
    })
@NamedQuery(name = ApiKey.BY_DIGEST, query = "SELECT k FROM ApiKey k WHERE k.digest = :digest")
@NamedQuery(
    name = ApiKey.BY_USER,
    query = "SELECT k FROM ApiKey k WHERE k.userId = :userId ORDER BY k.createdAt")
@NamedQuery(
    name = ApiKey.RECORD_USE,
    query =
        "UPDATE ApiKey k SET k.lastUsedAt = :at, k.lastUsedIp = :ip WHERE k.id = :id AND (k.lastUsedAt IS NULL OR k.lastUsedAt < :at)")
@NamedQuery(
    name = ApiKey.COUNT_LIVE_BY_USER,
    query =
        "SELECT COUNT(k) FROM ApiKey k WHERE k.userId = :userId AND k.status = io.tradebridge.apikeys.entity.ApiKey.Status.ACTIVE")
public class ApiKey {

  /** Every user's paper account: where an OpenAlgo client trades until the key says otherwise. */
  public static final String DEFAULT_ACCOUNT = "PAPER1";

  public static final String BY_DIGEST = "ApiKey.byDigest";
  public static final String BY_USER = "ApiKey.byUser";
  public static final String COUNT_LIVE_BY_USER = "ApiKey.countLiveByUser";
  public static final String RECORD_USE = "ApiKey.recordUse";

  /** What is stored; EXPIRED is never stored, it is ACTIVE past its expiresAt. */
  public enum Status {
    ACTIVE,
    REVOKED,
    EXPIRED
  }

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "USERID", nullable = false, length = 36)
  private String userId;

  @Column(nullable = false, length = 64)
  private String label;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private KeyEnvironment environment;

  /** Comma-separated Permission names. */
  @Column(nullable = false, length = 64)
  private String permissions;

  /** Comma-separated normalised addresses and CIDR ranges; empty allows any address. */
  @Column(nullable = false, length = 4000)
  private String ipAllowlist;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private OrderMode orderMode;

  @Column(name = "DIGEST", nullable = false, length = 64)
  private String digest;

  @Column(nullable = false, length = 200)
  private String sealedKey;

  /**
   * "tb_live_" and the first 4 random characters: enough to recognise a key, far too little to
   * guess it.
   */
  @Column(nullable = false, length = 16)
  private String prefix;

  @Column(nullable = false, length = 4)
  private String last4;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Status status;

  @Column(nullable = false)
  private Instant createdAt;

  private Instant expiresAt;
  private Instant revokedAt;
  private Instant lastUsedAt;

  @Column(length = 64)
  private String lastUsedIp;

  /** The pseudo account the OpenAlgo-compatible API trades on; null means PAPER1. */
  @Column(name = "DEFAULTACCOUNT", length = 32)
  private String defaultAccount;

  protected ApiKey() {}

  public ApiKey(
      String id,
      String userId,
      String label,
      KeyEnvironment environment,
      Set<Permission> permissions,
      List<String> ipAllowlist,
      OrderMode orderMode,
      Instant expiresAt,
      Instant now) {
    this.id = id;
    this.userId = userId;
    this.label = label;
    this.environment = environment;
    this.orderMode = orderMode;
    this.expiresAt = expiresAt;
    this.createdAt = now;
    this.status = Status.ACTIVE;
    setPermissions(permissions);
    setIpAllowlist(ipAllowlist);
  }

  /** Installs a (new) secret: the old digest stops matching in the same transaction. */
  public void installSecret(String digest, String sealedKey, String plainKey) {
    this.digest = digest;
    this.sealedKey = sealedKey;
    this.prefix = plainKey.substring(0, 12);
    this.last4 = plainKey.substring(plainKey.length() - 4);
  }

  /**
   * The one expiry rule, for the stored key and for the key kept in memory between checks: a key
   * with an expiry stops working at that instant; one without never expires.
   */
  public static boolean expired(Instant expiresAt, Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  public Status statusAt(Instant now) {
    if (status == Status.ACTIVE && expired(expiresAt, now)) {
      return Status.EXPIRED;
    }
    return status;
  }

  public boolean isUsableAt(Instant now) {
    return statusAt(now) == Status.ACTIVE;
  }

  public void revoke(Instant now) {
    if (status != Status.REVOKED) {
      status = Status.REVOKED;
      revokedAt = now;
    }
  }

  public boolean isRevoked() {
    return status == Status.REVOKED;
  }

  /**
   * Whether this change would give the key more power than it has (API.md, API keys: such a change
   * needs the step-up, as creating a key does): a permission added, the allowlist emptied or
   * reaching an address it did not, semi-automatic turned automatic, or a later expiry. Null means
   * "unchanged". Narrowing never needs it, so that cutting a key down in a hurry costs no password.
   */
  public boolean gainsPowerFrom(
      Set<Permission> newPermissions,
      List<String> newAllowlist,
      OrderMode newMode,
      Instant newExpiry) {
    boolean morePermissions = newPermissions != null && !permissions().containsAll(newPermissions);
    boolean widerAllowlist =
        newAllowlist != null && !IpAllowlist.of(ipAllowlist()).covers(IpAllowlist.of(newAllowlist));
    boolean lessOversight = newMode == OrderMode.AUTO && orderMode == OrderMode.SEMI_AUTO;
    boolean longerLife = newExpiry != null && expiresAt != null && newExpiry.isAfter(expiresAt);
    return morePermissions || widerAllowlist || lessOversight || longerLife;
  }

  /** The pseudo account the OpenAlgo-compatible API trades on (PAPER1 unless changed). */
  public String defaultAccount() {
    return defaultAccount == null ? DEFAULT_ACCOUNT : defaultAccount;
  }

  public void setDefaultAccount(String pseudoAccount) {
    this.defaultAccount = pseudoAccount;
  }

  public void setLabel(String label) {
    this.label = label;
  }

  public void setPermissions(Set<Permission> permissions) {
    this.permissions =
        permissions.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
  }

  public void setIpAllowlist(List<String> normalisedEntries) {
    this.ipAllowlist = String.join(",", normalisedEntries);
  }

  public void setOrderMode(OrderMode orderMode) {
    this.orderMode = orderMode;
  }

  public void setExpiresAt(Instant expiresAt) {
    this.expiresAt = expiresAt;
  }

  public Set<Permission> permissions() {
    EnumSet<Permission> set = EnumSet.noneOf(Permission.class);
    for (String p : permissions.split(",")) {
      if (!p.isEmpty()) {
        set.add(Permission.valueOf(p));
      }
    }
    return set;
  }

  public List<String> ipAllowlist() {
    return ipAllowlist.isEmpty() ? List.of() : Arrays.asList(ipAllowlist.split(","));
  }

  public String id() {
    return id;
  }

  public String userId() {
    return userId;
  }

  public String label() {
    return label;
  }

  public KeyEnvironment environment() {
    return environment;
  }

  public OrderMode orderMode() {
    return orderMode;
  }

  public String sealedKey() {
    return sealedKey;
  }

  public String prefix() {
    return prefix;
  }

  public String last4() {
    return last4;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant lastUsedAt() {
    return lastUsedAt;
  }

  public String lastUsedIp() {
    return lastUsedIp;
  }

  @Override
  public String toString() {
    return "ApiKey[" + id + ", " + prefix + "…" + "]";
  }
}
