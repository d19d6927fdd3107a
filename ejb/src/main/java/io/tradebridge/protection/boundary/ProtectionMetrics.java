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
    quietly(
        () ->
            registry
                .counter("tradebridge.rate.limited", new Tag("kind", kind.name().toLowerCase()))
                .inc());
  }

  /**
   * Authentication refused, by reason: unknown_key, forbidden_key, throttled_address, bad_session,
   * wrong_password.
   */
  public void authenticationFailed(String reason) {
    quietly(
        () ->
            registry
                .counter("tradebridge.authentication.failures", new Tag("reason", reason))
                .inc());
  }

  public void trafficDropped() {
    quietly(() -> registry.counter("tradebridge.traffic.log.dropped").inc());
  }

  public void watchTrafficQueue(TrafficQueue queue) {
    quietly(() -> registry.gauge("tradebridge.traffic.log.waiting", queue, TrafficQueue::waiting));
  }

  public void mailSent() {
    quietly(() -> registry.counter("tradebridge.security.mail.sent").inc());
  }

  public void mailLimited() {
    quietly(() -> registry.counter("tradebridge.security.mail.limited").inc());
  }

  /** Counting must never be the reason a request fails. */
  private static void quietly(Runnable count) {
    try {
      count.run();
    } catch (RuntimeException e) {
      java.util.logging.Logger.getLogger(ProtectionMetrics.class.getName())
          .fine(() -> "metric not updated: " + e);
    }
  }
}
