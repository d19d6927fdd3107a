package io.tradebridge.protection.boundary;

import io.tradebridge.protection.control.ProtectionSettings;
import io.tradebridge.protection.control.TrafficQueue;
import io.tradebridge.protection.entity.TrafficLine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The traffic log, off the request's critical path: a request only offers its line to a bounded
 * queue; a timer writes what has gathered every second in batches. When the writer falls behind the
 * queue drops lines and counts them (metric {@code tradebridge_traffic_log_dropped_total}); it
 * never blocks or fails the request, least of all an order. A plain CDI bean, not an EJB: the
 * container's work around every call cost more than offering the line ({@link TrafficLogTimer} runs
 * the timers).
 */
@ApplicationScoped
public class TrafficLog {

  private static final Logger LOG = Logger.getLogger(TrafficLog.class.getName());
  private static final int BATCH = 500;

  @Inject ProtectionSettings settings;
  @Inject TrafficWriter writer;
  @Inject ProtectionMetrics metrics;
  @Inject Clock clock;

  private TrafficQueue queue;

  @PostConstruct
  void init() {
    queue = new TrafficQueue(settings.trafficQueue());
    metrics.watchTrafficQueue(queue);
  }

  public void record(TrafficLine line) {
    if (settings.trafficLogOn() && !queue.offer(line)) {
      metrics.trafficDropped();
    }
  }

  /** Writes what has gathered; every second, from {@link TrafficLogTimer}. */
  public void flush() {
    List<TrafficLine> batch;
    while (!(batch = queue.drain(BATCH)).isEmpty()) {
      try {
        writer.write(batch);
      } catch (RuntimeException e) {
        // Losing log lines is acceptable; holding up or failing requests is not.
        LOG.log(
            Level.WARNING,
            "could not write {0} traffic-log lines: {1}",
            new Object[] {batch.size(), e.getClass().getSimpleName()});
        return;
      }
    }
  }

  /** Deletes lines past their retention; every six hours, from {@link TrafficLogTimer}. */
  public void purge() {
    int purged = writer.purgeBefore(clock.instant().minus(settings.trafficRetention()));
    if (purged > 0) {
      LOG.log(
          Level.INFO,
          "purged {0} traffic-log lines older than {1} days",
          new Object[] {purged, settings.trafficRetention().toDays()});
    }
  }
}
