package io.tradebridge.apikeys.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradebridge.access.entity.IpAllowlist;
import io.tradebridge.access.entity.KeyEnvironment;
import io.tradebridge.access.entity.OrderMode;
import io.tradebridge.access.entity.Permission;
import io.tradebridge.apikeys.entity.ApiKey;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyExpiryTest {

  private static final Instant EXPIRY = Instant.parse("2026-12-31T18:30:00Z");

  @Test
  void aKeyKeptInMemoryStopsWorkingAtTheSameInstantTheStoredKeyShowsExpired() {
    CheckedKey kept = kept(EXPIRY, false);
    Instant justBefore = EXPIRY.minusMillis(1);

    assertTrue(kept.usableAt(justBefore));
    assertFalse(ApiKey.expired(EXPIRY, justBefore));
    assertFalse(kept.usableAt(EXPIRY), "a key stops working at its expiry instant, not after it");
    assertTrue(ApiKey.expired(EXPIRY, EXPIRY));
  }

  @Test
  void aKeyWithoutExpiryWorksUntilRevoked() {
    Instant farAway = Instant.parse("2100-01-01T00:00:00Z");
    assertTrue(kept(null, false).usableAt(farAway));
    assertFalse(ApiKey.expired(null, farAway));
    assertFalse(kept(null, true).usableAt(farAway));
    assertFalse(kept(EXPIRY, true).usableAt(EXPIRY.minusSeconds(60)));
  }

  private static CheckedKey kept(Instant expiresAt, boolean revoked) {
    return new CheckedKey(
        "key-1",
        "user-1",
        KeyEnvironment.values()[0],
        Set.of(Permission.TRADE),
        OrderMode.values()[0],
        expiresAt,
        revoked,
        IpAllowlist.of(List.of()),
        true,
        "PAPER1");
  }
}
