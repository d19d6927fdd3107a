package io.tradebridge.orders.boundary;

import io.tradebridge.common.control.ProblemCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Orders as an operator watches them ({@code /metrics?scope=application}): placed, queued for
 * approval, repeats answered from idempotency ({@code tradebridge_orders_total{outcome}}), refused
 * ({@code tradebridge_orders_refused_total{code}}), the time placement takes inside the server, and
 * how many orders each of the order desk's commits carried.
 */
@ApplicationScoped
public class OrderMetrics {

  @Inject MetricRegistry registry;

  /**
   * The metrics themselves, looked up once: each lookup in the registry takes a lock on one shared
   * map entry, and with 32 traders placing at once those waits added up to seconds in a benchmark
   * run.
   */
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  private volatile Timer placement;
  private volatile Histogram commits;

  void placed(Placed placed) {
    String outcome =
        placed.repeated()
            ? "repeated"
            : placed instanceof Placed.AwaitingApproval ? "queued" : "placed";
    quietly(() -> counter("tradebridge.orders", "outcome", outcome).inc());
  }

  void refused(ProblemCode code) {
    quietly(() -> counter("tradebridge.orders.refused", "code", code.name().toLowerCase()).inc());
  }

  void took(long nanos) {
    quietly(
        () -> {
          Timer timer = placement;
          if (timer == null) {
            timer = registry.timer("tradebridge.order.placement");
            placement = timer;
          }
          timer.update(Duration.ofNanos(nanos));
        });
  }

  /** How many orders one durable commit of the order desk carried. */
  void committed(int orders) {
    quietly(
        () -> {
          Histogram histogram = commits;
          if (histogram == null) {
            histogram = registry.histogram("tradebridge.order.desk.commit.orders");
            commits = histogram;
          }
          histogram.update(orders);
        });
  }

  private Counter counter(String name, String tag, String value) {
    String id = name + '{' + tag + '=' + value + '}';
    Counter counter = counters.get(id);
    return counter != null
        ? counter
        : counters.computeIfAbsent(id, k -> registry.counter(name, new Tag(tag, value)));
  }

  /** Counting must never be the reason an order fails. */
  private static void quietly(Runnable count) {
    try {
      count.run();
    } catch (RuntimeException e) {
      java.util.logging.Logger.getLogger(OrderMetrics.class.getName())
          .fine(() -> "metric not updated: " + e);
    }
  }
}
