package io.tradebridge.access.entity;

import java.util.Set;

/** Who is calling with an API key, once the key has been checked. Holds no secret. */
public record KeyCaller(
    String userId,
    String keyId,
    KeyEnvironment environment,
    Set<Permission> permissions,
    OrderMode orderMode,
    String defaultAccount) {

  public boolean may(Permission permission) {
    return permissions.contains(permission);
  }
}
