package io.tradebridge.users.boundary;

import java.time.Instant;

/**
 * One of a person's signed-in browsers (API.md, "Your own account"): never the cookie or its
 * digest.
 */
public record SessionView(
    String id,
    Instant createdAt,
    Instant lastSeenAt,
    String ip,
    String userAgent,
    boolean current) {}
