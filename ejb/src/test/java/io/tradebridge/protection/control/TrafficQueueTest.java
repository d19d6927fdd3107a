package io.tradebridge.protection.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradebridge.protection.entity.TrafficLine;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrafficQueueTest {

  private static TrafficLine line(int i) {
    return new TrafficLine(
        Instant.EPOCH.plusMillis(i), "u", "k", "GET", "/api/v1/ping", 200, "127.0.0.1", 1);
  }

  @Test
  void aFullQueueDropsAndCountsInsteadOfMakingTheRequestWait() {
    TrafficQueue queue = new TrafficQueue(100);
    for (int i = 0; i < 100; i++) {
      assertTrue(queue.offer(line(i)));
    }
    assertTimeoutPreemptively(
        Duration.ofSeconds(1),
        () -> {
          for (int i = 0; i < 10_000; i++) {
            assertFalse(queue.offer(line(i)));
          }
        });
    assertEquals(10_000, queue.dropped());
    assertEquals(100, queue.waiting());
  }

  @Test
  void theWriterDrainsOldestFirstInBoundedBatches() {
    TrafficQueue queue = new TrafficQueue(1000);
    for (int i = 0; i < 750; i++) {
      queue.offer(line(i));
    }
    var first = queue.drain(500);
    assertEquals(500, first.size());
    assertEquals(Instant.EPOCH, first.get(0).time());
    assertEquals(250, queue.drain(500).size());
    assertTrue(queue.drain(500).isEmpty());
    assertEquals(0, queue.dropped());
  }
}
