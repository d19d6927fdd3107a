package io.tradebridge.protection.control;

import io.tradebridge.protection.entity.TrafficLine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bounded hand-off between request threads and the traffic-log writer. A request never waits
 * here: when the writer falls behind and the queue is full, the line is dropped and counted.
 */
public final class TrafficQueue {

  private final BlockingQueue<TrafficLine> lines;
  private final AtomicLong dropped = new AtomicLong();

  public TrafficQueue(int capacity) {
    this.lines = new ArrayBlockingQueue<>(capacity);
  }

  /**
   * @return false when the line was dropped because the queue is full
   */
  public boolean offer(TrafficLine line) {
    if (lines.offer(line)) {
      return true;
    }
    dropped.incrementAndGet();
    return false;
  }

  /** Up to {@code max} lines, oldest first; empty when nothing waits. */
  public List<TrafficLine> drain(int max) {
    List<TrafficLine> batch = new ArrayList<>(Math.min(max, lines.size()));
    lines.drainTo(batch, max);
    return batch;
  }

  public long dropped() {
    return dropped.get();
  }

  public int waiting() {
    return lines.size();
  }
}
