package io.tradebridge.protection.control;

import io.tradebridge.protection.entity.RateRule;
import io.tradebridge.protection.entity.RateWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rate counters in this server's memory, for a database only this server can open (embedded Derby):
 * there the database would add a durable commit — several milliseconds on this class of machine —
 * to every API request, to share counters with nodes that cannot exist. Same rule as the database
 * counters ({@link RateWindow#take}), all or nothing across the charges.
 */
public final class MemoryRateWindows {

  private static final int PURGE_EVERY = 10_000;

  private final Map<String, RateWindow> windows = new HashMap<>();
  private int takesSincePurge;

  /** A full counter: its rule and how long until it reopens. */
  public record Refusal(RateRule rule, Duration retryAfter) {}

  /**
   * @return null when every charge was taken; else the full counter with the longest wait (nothing
   *     taken)
   */
  public synchronized Refusal take(List<RateCharge> charges, Instant now) {
    Refusal refusal = null;
    for (RateCharge charge : charges) {
      Duration wait = copyOf(charge.bucket()).take(charge.n(), charge.rule(), now);
      if (!wait.isZero() && (refusal == null || wait.compareTo(refusal.retryAfter()) > 0)) {
        refusal = new Refusal(charge.rule(), wait);
      }
    }
    if (refusal != null) {
      return refusal;
    }
    for (RateCharge charge : charges) {
      windows
          .computeIfAbsent(charge.bucket(), RateWindow::new)
          .take(charge.n(), charge.rule(), now);
    }
    if (++takesSincePurge >= PURGE_EVERY) {
      takesSincePurge = 0;
      Instant before = now.minus(Duration.ofHours(2));
      windows.values().removeIf(w -> w.startedBefore(before));
    }
    return null;
  }

  private RateWindow copyOf(String bucket) {
    RateWindow w = windows.get(bucket);
    return w == null ? new RateWindow(bucket) : w.copy();
  }

  public synchronized int size() {
    return windows.size();
  }
}
