package io.tradebridge.apikeys.boundary;

import io.tradebridge.access.entity.KeyEnvironment;
import io.tradebridge.access.entity.OrderMode;
import io.tradebridge.access.entity.Permission;
import io.tradebridge.apikeys.entity.ApiKey;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A key just created: the list fields plus {@code key}, the full secret, shown in this answer only.
 */
public record IssuedKey(
    String id,
    String key,
    String label,
    KeyEnvironment environment,
    Set<Permission> permissions,
    List<String> ipAllowlist,
    OrderMode orderMode,
    String prefix,
    String last4,
    ApiKey.Status status,
    Instant createdAt,
    Instant expiresAt) {

  static IssuedKey of(ApiKey k, String plainKey, Instant now) {
    return new IssuedKey(
        k.id(),
        plainKey,
        k.label(),
        k.environment(),
        k.permissions(),
        k.ipAllowlist(),
        k.orderMode(),
        k.prefix(),
        k.last4(),
        k.statusAt(now),
        k.createdAt(),
        k.expiresAt());
  }

  @Override
  public String toString() {
    return "IssuedKey[" + id + ", " + prefix + "…]";
  }
}
