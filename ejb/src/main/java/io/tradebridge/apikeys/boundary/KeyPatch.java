package io.tradebridge.apikeys.boundary;

import io.tradebridge.apikeys.control.OrderMode;
import io.tradebridge.apikeys.control.Permission;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** PATCH /api/v1/keys/{id}: only the fields present change. */
public record KeyPatch(String label, Set<Permission> permissions, List<String> ipAllowlist, OrderMode orderMode,
    Instant expiresAt) {}
