package io.tradebridge.brokers.kite.control;

import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kite Connect's published rate limits, kept on our side so that Kite never has to refuse us: per
 * app (api key), quotes 1 a second, order calls (place, modify, cancel) 10 a second and 400 a
 * minute, every other call 10 a second. A call waits a little for its turn; one that cannot have it
 * within that wait is refused here, before anything is written or sent.
 *
 * <p>Turns within a second are spaced evenly (an order every 105 ms, a quote every 1,050 ms: 5%
 * under Kite's figures, for the jitter between taking a turn and the request arriving) rather than
 * granted in a burst: however Kite counts its second, ten spaced calls never look like eleven. The
 * minute is a bucket of 400 that refills as it goes. Bucket4j keeps the arithmetic (a well-kept
 * token-bucket library; resilience4j's limiter grants its permits in fixed cycles, so two calls can
 * meet at a cycle's edge).
 *
 * <p>The limits are per server: two servers over one database may each use an app's full rate.
 */
public final class KiteRateLimits {

  /** What a call to Kite is, by Kite's rate-limit classes. */
  public enum Kind {
    ORDER(Duration.ofSeconds(2)),
    QUOTE(Duration.ofSeconds(2)),
    OTHER(Duration.ofSeconds(5));

    /** How long a call of this kind may wait for its turn before it is refused. */
    final Duration patience;

    Kind(Duration patience) {
      this.patience = patience;
    }
  }

  private record AppBuckets(Bucket orders, Bucket quotes, Bucket other) {
    Bucket of(Kind kind) {
      return switch (kind) {
        case ORDER -> orders;
        case QUOTE -> quotes;
        case OTHER -> other;
      };
    }
  }

  private final Map<String, AppBuckets> byApp = new ConcurrentHashMap<>();

  /**
   * Waits up to the kind's patience for a turn of this app; false when there is none in that time,
   * and then the call must not be made.
   */
  public boolean acquire(String apiKey, Kind kind) {
    try {
      return bucketsOf(apiKey).of(kind).asBlocking().tryConsume(1, kind.patience);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private AppBuckets bucketsOf(String apiKey) {
    return byApp.computeIfAbsent(
        apiKey,
        key ->
            new AppBuckets(
                Bucket.builder()
                    .addLimit(l -> l.capacity(1).refillGreedy(1, Duration.ofMillis(105)))
                    .addLimit(l -> l.capacity(400).refillGreedy(400, Duration.ofMinutes(1)))
                    .build(),
                spaced(Duration.ofMillis(1050)),
                spaced(Duration.ofMillis(105))));
  }

  private static Bucket spaced(Duration every) {
    return Bucket.builder().addLimit(l -> l.capacity(1).refillGreedy(1, every)).build();
  }
}
