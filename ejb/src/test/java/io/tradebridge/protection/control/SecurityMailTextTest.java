package io.tradebridge.protection.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradebridge.protection.entity.SecurityEventType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SecurityMailTextTest {

  @Test
  void saysWhatWhenAndWhereAndWhatToDoIfItWasNotYou() {
    String body =
        SecurityMailText.body(
            "asha",
            SecurityEventType.KEY_NEW_ADDRESS,
            Instant.parse("2026-11-23T09:15:00Z"),
            "203.0.113.7",
            "key-1",
            "seen from 1 other address before");
    assertTrue(body.contains("API key used from a new address"), body);
    assertTrue(body.contains("2026-11-23 09:15:00 UTC"), body);
    assertTrue(body.contains("203.0.113.7"), body);
    assertTrue(body.contains("Kill switch"), body);
    assertEquals(
        "Tradebridge security: kill switch pulled",
        SecurityMailText.subject(SecurityEventType.KILL_SWITCH));
  }
}
