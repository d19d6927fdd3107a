package io.tradebridge.protection.boundary;

import io.tradebridge.protection.entity.TrafficEntry;
import java.time.Instant;

/** One line of {@code GET /api/v1/traffic}. */
public record TrafficView(
    long id,
    Instant time,
    String method,
    String path,
    int status,
    String ip,
    String keyId,
    int latencyMs) {

  static TrafficView of(TrafficEntry e) {
    return new TrafficView(
        e.id(), e.time(), e.method(), e.path(), e.status(), e.ip(), e.keyId(), e.latencyMs());
  }
}
