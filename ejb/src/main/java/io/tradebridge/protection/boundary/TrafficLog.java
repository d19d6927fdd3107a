package io.tradebridge.protection.boundary;

import io.tradebridge.protection.control.ProtectionSettings;
import io.tradebridge.protection.control.TrafficLine;
import io.tradebridge.protection.control.TrafficQueue;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The traffic log, off the request's critical path: a request only offers its line to a bounded
 * queue; a timer writes what has gathered every second in batches. When the writer falls behind the
 * queue drops lines and counts them (metric {@code tradebridge_traffic_log_dropped_total}); it never
 * blocks or fails the request, least of all an order.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
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

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
  public void flush() {
    List<TrafficLine> batch;
    while (!(batch = queue.drain(BATCH)).isEmpty()) {
      try {
        writer.write(batch);
      } catch (RuntimeException e) {
        // Losing log lines is acceptable; holding up or failing requests is not.
        LOG.log(Level.WARNING, "could not write {0} traffic-log lines: {1}",
            new Object[] {batch.size(), e.getClass().getSimpleName()});
        return;
      }
    }
  }

  @Schedule(hour = "*/6", minute = "41", persistent = false)
  public void purge() {
    int purged = writer.purgeBefore(clock.instant().minus(settings.trafficRetention()));
    if (purged > 0) {
      LOG.log(Level.INFO, "purged {0} traffic-log lines older than {1} days",
          new Object[] {purged, settings.trafficRetention().toDays()});
    }
  }
}
