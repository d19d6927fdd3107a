package io.tradebridge.apikeys.boundary;

import io.tradebridge.access.entity.OrderMode;
import io.tradebridge.access.entity.Permission;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * PATCH /api/v1/keys/{id}: only the fields present change. {@code password} (and {@code totpCode}
 * with credentials 2FA) are the step-up a change that gives the key more power needs.
 */
public record KeyPatch(
    String label,
    Set<Permission> permissions,
    List<String> ipAllowlist,
    OrderMode orderMode,
    Instant expiresAt,
    String defaultAccount,
    String password,
    String totpCode) {

  @Override
  public String toString() {
    return "KeyPatch[label="
        + label
        + ", permissions="
        + permissions
        + ", ipAllowlist="
        + ipAllowlist
        + ", orderMode="
        + orderMode
        + ", expiresAt="
        + expiresAt
        + ", defaultAccount="
        + defaultAccount
        + "]";
  }
}
