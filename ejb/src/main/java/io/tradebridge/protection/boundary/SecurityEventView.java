package io.tradebridge.protection.boundary;

import io.tradebridge.protection.entity.SecurityEvent;
import io.tradebridge.protection.entity.SecurityEventType;
import java.time.Instant;

/** One line of {@code GET /api/v1/security/events}. */
public record SecurityEventView(
    long id, Instant time, SecurityEventType type, String ip, String keyId, String detail) {

  static SecurityEventView of(SecurityEvent e) {
    return new SecurityEventView(e.id(), e.time(), e.type(), e.ip(), e.keyId(), e.detail());
  }
}
