package io.tradebridge.protection.boundary;

import io.tradebridge.protection.control.RateKind;
import io.tradebridge.protection.control.TrafficQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * What protection does, as MicroProfile metrics under {@code /metrics?scope=application}: requests
 * refused by a rate limit, traffic-log lines dropped and waiting, security e-mails sent and held
 * back by their limits.
 */
@ApplicationScoped
public class ProtectionMetrics {

  @Inject MetricRegistry registry;

  public void rateLimited(RateKind kind) {
    registry.counter("tradebridge.rate.limited", new Tag("kind", kind.name().toLowerCase())).inc();
  }

  public void trafficDropped() {
    registry.counter("tradebridge.traffic.log.dropped").inc();
  }

  public void watchTrafficQueue(TrafficQueue queue) {
    registry.gauge("tradebridge.traffic.log.waiting", queue, TrafficQueue::waiting);
  }

  public void mailSent() {
    registry.counter("tradebridge.security.mail.sent").inc();
  }

  public void mailLimited() {
    registry.counter("tradebridge.security.mail.limited").inc();
  }
}
