package io.tradebridge.protection.entity;

import java.time.Instant;

/**
 * One API request as the traffic log keeps it: who, what (the path template, never the query or
 * body), how it ended and how long it took. Nothing in it can be a secret.
 */
public record TrafficLine(
    Instant time,
    String userId,
    String keyId,
    String method,
    String path,
    int status,
    String ip,
    int latencyMs) {}
