package io.tradebridge.apikeys.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradebridge.access.entity.IpAllowlist;
import io.tradebridge.access.entity.KeyEnvironment;
import io.tradebridge.access.entity.OrderMode;
import io.tradebridge.access.entity.Permission;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CheckedKeysTest {

  private final AtomicInteger reads = new AtomicInteger();

  private static CheckedKey key(boolean revoked) {
    return new CheckedKey(
        "k1",
        "u1",
        KeyEnvironment.LIVE,
        EnumSet.of(Permission.READ),
        OrderMode.AUTO,
        null,
        revoked,
        IpAllowlist.of(List.of()),
        true,
        "PAPER1");
  }

  private Function<String, CheckedKey> store(CheckedKey answer) {
    return digest -> {
      reads.incrementAndGet();
      return answer;
    };
  }

  @Test
  void aKeptKeyIsAnsweredWithoutReadingTheDatabaseAgain() {
    CheckedKeys keys = new CheckedKeys(true);
    CheckedKey stored = key(false);
    assertSame(stored, keys.find("d1", store(stored)));
    assertSame(stored, keys.find("d1", store(stored)));
    assertEquals(1, reads.get());
  }

  @Test
  void anUnknownDigestIsReadEveryTimeSoMadeUpKeysFillNoMemory() {
    CheckedKeys keys = new CheckedKeys(true);
    assertNull(keys.find("nobody", store(null)));
    assertNull(keys.find("nobody", store(null)));
    assertEquals(2, reads.get());
  }

  @Test
  void aChangeOutsideATransactionMakesTheNextCheckReadTheStoredKey() {
    CheckedKeys keys = new CheckedKeys(true);
    keys.find("d1", store(key(false)));
    keys.changing();
    CheckedKey revoked = keys.find("d1", store(key(true)));
    assertTrue(revoked.revoked(), "the revocation is seen on the very next check");
    assertEquals(2, reads.get());
  }

  @Test
  void aReadThatOverlapsAChangeIsNeverServedLater() {
    CheckedKeys keys = new CheckedKeys(true);
    // The row was read before the revocation committed; the commit lands while the check is still
    // going.
    keys.find(
        "d1",
        digest -> {
          reads.incrementAndGet();
          keys.invalidate();
          return key(false);
        });
    CheckedKey next = keys.find("d1", store(key(true)));
    assertTrue(next.revoked(), "the old row read during the change was not kept");
    assertEquals(2, reads.get());
  }

  @Test
  void overASharedDatabaseEveryCheckReadsTheDatabase() {
    CheckedKeys keys = new CheckedKeys(false);
    keys.find("d1", store(key(false)));
    keys.find("d1", store(key(false)));
    assertEquals(2, reads.get());
  }

  @Test
  void expiryIsDecidedAtEachCheckNotWhenTheKeyWasKept() {
    Instant expires = Instant.parse("2026-11-24T10:00:00Z");
    CheckedKey key =
        new CheckedKey(
            "k1",
            "u1",
            KeyEnvironment.LIVE,
            EnumSet.of(Permission.READ),
            OrderMode.AUTO,
            expires,
            false,
            IpAllowlist.of(List.of()),
            true,
            "PAPER1");
    assertTrue(key.usableAt(expires.minusMillis(1)));
    assertFalse(key.usableAt(expires));
    assertFalse(key(true).usableAt(expires.minusSeconds(60)));
  }

  @Test
  void theNumberOfKeptKeysIsBounded() {
    CheckedKeys keys = new CheckedKeys(true);
    for (int i = 0; i <= CheckedKeys.MAX_ENTRIES; i++) {
      keys.find("d" + i, store(key(false)));
    }
    reads.set(0);
    keys.find("d0", store(key(false)));
    assertEquals(1, reads.get(), "the oldest entries were let go when the bound was reached");
  }
}
