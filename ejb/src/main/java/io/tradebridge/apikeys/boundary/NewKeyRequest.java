package io.tradebridge.apikeys.boundary;

import io.tradebridge.apikeys.control.KeyEnvironment;
import io.tradebridge.apikeys.control.OrderMode;
import io.tradebridge.apikeys.control.Permission;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** POST /api/v1/keys. {@code orderMode} defaults to AUTO. */
public record NewKeyRequest(String label, KeyEnvironment environment, Set<Permission> permissions,
    List<String> ipAllowlist, Instant expiresAt, OrderMode orderMode, String password, String totpCode) {

  @Override
  public String toString() {
    return "NewKeyRequest[" + label + "]";
  }
}
