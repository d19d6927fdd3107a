package io.tradebridge.brokers.upstox.control;

import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Upstox's published rate limits for its standard APIs, kept on our side so that Upstox never has
 * to refuse us: per user and API class, 50 requests a second, 500 a minute and 2,000 in 30 minutes.
 * Order calls (place, modify, cancel) and everything else are counted apart, as Upstox counts each
 * API by itself. A call waits a little for its turn; one that cannot have it is refused here,
 * before anything is written or sent. Bucket4j keeps the arithmetic, as for Kite.
 *
 * <p>The limits are per server: two servers over one database may each use a user's full rate.
 */
public final class UpstoxRateLimits {

  /** What a call to Upstox is, for its rate limits. */
  public enum Kind {
    ORDER(Duration.ofSeconds(2)),
    OTHER(Duration.ofSeconds(5));

    final Duration patience;

    Kind(Duration patience) {
      this.patience = patience;
    }
  }

  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** Waits up to the kind's patience for a turn of this client; false when there is none. */
  public boolean acquire(String clientId, Kind kind) {
    try {
      return buckets
          .computeIfAbsent(clientId + "/" + kind, k -> standard())
          .asBlocking()
          .tryConsume(1, kind.patience);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Bucket standard() {
    return Bucket.builder()
        .addLimit(l -> l.capacity(50).refillGreedy(50, Duration.ofSeconds(1)))
        .addLimit(l -> l.capacity(500).refillGreedy(500, Duration.ofMinutes(1)))
        .addLimit(l -> l.capacity(2000).refillGreedy(2000, Duration.ofMinutes(30)))
        .build();
  }
}
