package io.tradebridge.common.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

  @Test
  void idsAreVersion7UuidsCarryingTheirMillisecond() {
    long before = System.currentTimeMillis();
    UUID id = UUID.fromString(Ids.newId());
    long after = System.currentTimeMillis();
    assertEquals(7, id.version());
    assertEquals(2, id.variant(), "the RFC variant");
    long millis = id.getMostSignificantBits() >>> 16;
    assertTrue(millis >= before && millis <= after, millis + " not in " + before + ".." + after);
  }

  @Test
  void idsOfLaterMillisecondsSortAfterEarlierOnesAndNeverRepeat() throws InterruptedException {
    Set<String> seen = new HashSet<>();
    String previous = Ids.newId();
    for (int i = 0; i < 20; i++) {
      Thread.sleep(2);
      String next = Ids.newId();
      assertTrue(next.compareTo(previous) > 0, next + " sorts before " + previous);
      previous = next;
    }
    for (int i = 0; i < 100_000; i++) {
      assertTrue(seen.add(Ids.newId()));
    }
  }
}
