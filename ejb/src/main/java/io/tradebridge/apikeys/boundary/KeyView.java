package io.tradebridge.apikeys.boundary;

import io.tradebridge.access.entity.KeyEnvironment;
import io.tradebridge.access.entity.OrderMode;
import io.tradebridge.access.entity.Permission;
import io.tradebridge.apikeys.entity.ApiKey;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** An API key as lists show it: never the secret, only its prefix and last four characters. */
public record KeyView(
    String id,
    String label,
    KeyEnvironment environment,
    Set<Permission> permissions,
    List<String> ipAllowlist,
    OrderMode orderMode,
    String prefix,
    String last4,
    ApiKey.Status status,
    Instant createdAt,
    Instant expiresAt,
    Instant lastUsedAt,
    String lastUsedIp,
    String defaultAccount) {

  static KeyView of(ApiKey k, Instant now) {
    return new KeyView(
        k.id(),
        k.label(),
        k.environment(),
        k.permissions(),
        k.ipAllowlist(),
        k.orderMode(),
        k.prefix(),
        k.last4(),
        k.statusAt(now),
        k.createdAt(),
        k.expiresAt(),
        k.lastUsedAt(),
        k.lastUsedIp(),
        k.defaultAccount());
  }
}
