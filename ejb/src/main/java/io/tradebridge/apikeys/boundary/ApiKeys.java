package io.tradebridge.apikeys.boundary;

import io.tradebridge.access.entity.IpAllowlist;
import io.tradebridge.access.entity.KeyEnvironment;
import io.tradebridge.access.entity.OrderMode;
import io.tradebridge.access.entity.Permission;
import io.tradebridge.apikeys.control.KeyFormat;
import io.tradebridge.apikeys.entity.ApiKey;
import io.tradebridge.common.control.FieldChecks;
import io.tradebridge.common.control.Ids;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.crypto.boundary.Vault;
import io.tradebridge.crypto.control.Purpose;
import io.tradebridge.protection.boundary.SecurityEvents;
import io.tradebridge.protection.entity.SecurityEventType;
import io.tradebridge.twofactor.boundary.StepUp;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A user's API keys: issue, list, reveal, regenerate, change, revoke. */
@Stateless
public class ApiKeys {

  public static final int MAX_ACTIVE_KEYS = 50;

  @PersistenceContext EntityManager em;
  @Inject Vault vault;
  @Inject StepUp stepUp;
  @Inject Clock clock;
  @Inject SecurityEvents events;

  /** The key every new user gets: live, READ and TRADE, label "default". */
  public IssuedKey issueFirstKey(String userId) {
    IssuedKey issued =
        issue(
            userId,
            "default",
            KeyEnvironment.LIVE,
            EnumSet.of(Permission.READ, Permission.TRADE),
            List.of(),
            OrderMode.AUTO,
            null);
    events.recordQuietly(
        userId, SecurityEventType.KEY_CREATED, issued.id(), "first key, at registration");
    return issued;
  }

  public IssuedKey create(String userId, NewKeyRequest request) {
    FieldChecks checks = new FieldChecks().constraintsOf(request);
    List<String> allowlist = normaliseAllowlist(request.ipAllowlist(), checks);
    checkExpiry(request.expiresAt(), checks);
    checks.orThrow();
    stepUp.verify(userId, request.password(), request.totpCode());
    Long active =
        em.createNamedQuery(ApiKey.COUNT_LIVE_BY_USER, Long.class)
            .setParameter("userId", userId)
            .getSingleResult();
    if (active >= MAX_ACTIVE_KEYS) {
      throw TradebridgeException.conflict(
          "a user may hold at most " + MAX_ACTIVE_KEYS + " active keys; revoke one first");
    }
    OrderMode mode = request.orderMode() == null ? OrderMode.AUTO : request.orderMode();
    IssuedKey issued =
        issue(
            userId,
            request.label().strip(),
            request.environment(),
            request.permissions(),
            allowlist,
            mode,
            request.expiresAt());
    events.record(
        userId, SecurityEventType.KEY_CREATED, issued.id(), "label " + request.label().strip());
    return issued;
  }

  public List<KeyView> list(String userId) {
    Instant now = clock.instant();
    return em.createNamedQuery(ApiKey.BY_USER, ApiKey.class)
        .setParameter("userId", userId)
        .getResultStream()
        .map(k -> KeyView.of(k, now))
        .toList();
  }

  public RevealedKey reveal(String userId, String keyId, StepUpRequest proof) {
    ApiKey key = unlock(userId, keyId, proof, false);
    events.record(userId, SecurityEventType.KEY_REVEALED, key.id(), null);
    return new RevealedKey(vault.open(key.sealedKey(), context(key.id())));
  }

  /**
   * A new secret for the same key record; the old secret stops working when this commits, on every
   * node.
   */
  public RevealedKey regenerate(String userId, String keyId, StepUpRequest proof) {
    ApiKey key = unlock(userId, keyId, proof, true);
    events.record(
        userId, SecurityEventType.KEY_REGENERATED, key.id(), "the old secret no longer works");
    return new RevealedKey(generateAndInstall(key));
  }

  /**
   * The caller's own, unrevoked key, after the step-up: 404 before the password, so ids cannot be
   * probed.
   */
  private ApiKey unlock(String userId, String keyId, StepUpRequest proof, boolean forUpdate) {
    new FieldChecks()
        .optionalText("password", proof == null ? null : proof.password(), 256)
        .orThrow();
    ApiKey key = owned(userId, keyId, forUpdate);
    stepUp.verify(userId, proof.password(), proof.totpCode());
    if (key.isRevoked()) {
      throw TradebridgeException.conflict("this key is revoked; create a new one");
    }
    return key;
  }

  public KeyView update(String userId, String keyId, KeyPatch patch) {
    FieldChecks checks = new FieldChecks();
    if (patch.label() != null) {
      checks.text("label", patch.label(), 1, 64);
    }
    if (patch.permissions() != null) {
      checks.that(
          !patch.permissions().isEmpty(), "permissions", "must name at least one of READ, TRADE");
    }
    List<String> allowlist =
        patch.ipAllowlist() == null ? null : normaliseAllowlist(patch.ipAllowlist(), checks);
    checkExpiry(patch.expiresAt(), checks);
    if (patch.defaultAccount() != null) {
      // Which pseudo accounts exist is the accounts component's; an unknown one is refused when
      // the OpenAlgo API first trades on it, with its name.
      checks.text("defaultAccount", patch.defaultAccount(), 1, 32);
    }
    checks.orThrow();
    ApiKey key = owned(userId, keyId, true);
    if (key.isRevoked()) {
      throw TradebridgeException.conflict("this key is revoked and cannot be changed");
    }
    if (key.gainsPowerFrom(patch.permissions(), allowlist, patch.orderMode(), patch.expiresAt())) {
      stepUp.verify(userId, patch.password(), patch.totpCode());
    }
    if (patch.label() != null) key.setLabel(patch.label().strip());
    if (patch.permissions() != null) key.setPermissions(patch.permissions());
    if (allowlist != null) key.setIpAllowlist(allowlist);
    if (patch.orderMode() != null) key.setOrderMode(patch.orderMode());
    if (patch.expiresAt() != null) key.setExpiresAt(patch.expiresAt());
    if (patch.defaultAccount() != null) key.setDefaultAccount(patch.defaultAccount().strip());
    events.record(userId, SecurityEventType.KEY_CHANGED, key.id(), null);
    return KeyView.of(key, clock.instant());
  }

  public void revoke(String userId, String keyId) {
    ApiKey key = owned(userId, keyId, true);
    if (!key.isRevoked()) {
      key.revoke(clock.instant());
      events.record(userId, SecurityEventType.KEY_REVOKED, key.id(), null);
    }
  }

  /**
   * The kill switch's first half: every key of the user stops at once. Returns how many were
   * active.
   */
  public int revokeAll(String userId) {
    Instant now = clock.instant();
    int count = 0;
    // No ORDER BY here: Derby refuses FOR UPDATE on an ordered query.
    for (ApiKey k :
        em.createQuery("SELECT k FROM ApiKey k WHERE k.userId = :userId", ApiKey.class)
            .setParameter("userId", userId)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList()) {
      if (!k.isRevoked()) {
        k.revoke(now);
        count++;
      }
    }
    return count;
  }

  private IssuedKey issue(
      String userId,
      String label,
      KeyEnvironment environment,
      Set<Permission> permissions,
      List<String> allowlist,
      OrderMode mode,
      Instant expiresAt) {
    ApiKey key =
        new ApiKey(
            Ids.newId(),
            userId,
            label,
            environment,
            permissions,
            allowlist,
            mode,
            expiresAt,
            clock.instant());
    String plain = generateAndInstall(key);
    em.persist(key);
    return IssuedKey.of(key, plain, clock.instant());
  }

  private String generateAndInstall(ApiKey key) {
    String plain = KeyFormat.generate(key.environment(), vault.random());
    key.installSecret(
        vault.digest(Purpose.API_KEY_DIGEST, plain), vault.seal(plain, context(key.id())), plain);
    return plain;
  }

  /** Another user's key is "not found", exactly like a key that does not exist. */
  private ApiKey owned(String userId, String keyId, boolean lock) {
    ApiKey key =
        keyId == null
            ? null
            : lock
                ? em.find(ApiKey.class, keyId, LockModeType.PESSIMISTIC_WRITE)
                : em.find(ApiKey.class, keyId);
    if (key == null || !key.userId().equals(userId)) {
      throw TradebridgeException.notFound("API key");
    }
    return key;
  }

  private void checkExpiry(Instant expiresAt, FieldChecks checks) {
    if (expiresAt != null) {
      checks.that(expiresAt.isAfter(clock.instant()), "expiresAt", "must be in the future");
    }
  }

  private static List<String> normaliseAllowlist(List<String> entries, FieldChecks checks) {
    if (entries == null) {
      return List.of();
    }
    if (entries.size() > IpAllowlist.MAX_ENTRIES) {
      checks.add("ipAllowlist", "may hold at most " + IpAllowlist.MAX_ENTRIES + " entries");
      return List.of();
    }
    List<String> normalised = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      try {
        normalised.add(IpAllowlist.normalise(entries.get(i)));
      } catch (IllegalArgumentException e) {
        checks.add("ipAllowlist[" + i + "]", e.getMessage());
      }
    }
    return normalised.stream().distinct().toList();
  }

  static String context(String keyId) {
    return "api-key:" + keyId;
  }
}
