package io.tradebridge.apikeys.control;

import io.tradebridge.access.entity.IpAllowlist;
import io.tradebridge.access.entity.KeyEnvironment;
import io.tradebridge.access.entity.OrderMode;
import io.tradebridge.access.entity.Permission;
import io.tradebridge.apikeys.entity.ApiKey;
import java.time.Instant;
import java.util.Set;

/**
 * What a key check needs to know about a stored key and its owner, read once and kept by {@link
 * CheckedKeys}. Holds no secret: it is found by the key's digest, never by the key.
 */
public record CheckedKey(
    String keyId,
    String userId,
    KeyEnvironment environment,
    Set<Permission> permissions,
    OrderMode orderMode,
    Instant expiresAt,
    boolean revoked,
    IpAllowlist allowlist,
    boolean ownerActive,
    String defaultAccount) {

  public CheckedKey {
    permissions = Set.copyOf(permissions);
  }

  /** Not revoked and not past its expiry; expiry is decided per request, never cached. */
  public boolean usableAt(Instant now) {
    return !revoked && !ApiKey.expired(expiresAt, now);
  }
}
