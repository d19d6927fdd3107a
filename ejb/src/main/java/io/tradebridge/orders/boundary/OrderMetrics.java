package io.tradebridge.orders.boundary;

import io.tradebridge.common.control.ProblemCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Orders as an operator watches them ({@code /metrics?scope=application}): placed, queued for
 * approval, repeats answered from idempotency ({@code tradebridge_orders_total{outcome}}), refused
 * ({@code tradebridge_orders_refused_total{code}}), the time placement takes inside the server, and how
 * many orders each of the order desk's commits carried.
 */
@ApplicationScoped
public class OrderMetrics {

  @Inject MetricRegistry registry;

  void placed(Placed placed) {
    String outcome = placed.repeated() ? "repeated" : placed.actionId() != null ? "queued" : "placed";
    quietly(() -> registry.counter("tradebridge.orders", new Tag("outcome", outcome)).inc());
  }

  void refused(ProblemCode code) {
    quietly(() -> registry.counter("tradebridge.orders.refused", new Tag("code", code.name().toLowerCase())).inc());
  }

  void took(long nanos) {
    quietly(() -> registry.timer("tradebridge.order.placement").update(Duration.ofNanos(nanos)));
  }

  /** How many orders one durable commit of the order desk carried. */
  void committed(int orders) {
    quietly(() -> registry.histogram("tradebridge.order.desk.commit.orders").update(orders));
  }

  /** Counting must never be the reason an order fails. */
  private static void quietly(Runnable count) {
    try {
      count.run();
    } catch (RuntimeException e) {
      java.util.logging.Logger.getLogger(OrderMetrics.class.getName()).fine(() -> "metric not updated: " + e);
    }
  }
}
