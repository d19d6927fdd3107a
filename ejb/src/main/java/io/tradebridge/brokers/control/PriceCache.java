package io.tradebridge.brokers.control;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Last prices from a remote broker, each kept for a second: Kite answers one price request a second
 * per app, Upstox a few dozen, and a trader's burst of orders in one instrument needs one price,
 * not one each. While a price is being fetched, others who ask for the same instrument wait for
 * that fetch instead of making their own. A price is a market's, not a trader's, so one look-up
 * serves every account.
 */
public final class PriceCache {

  /** How long a price is used without asking the broker again. */
  public static final Duration FRESH = Duration.ofSeconds(1);

  private record Seen(BigDecimal price, Instant at) {}

  private final Clock clock;
  private final Map<String, Seen> seen = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Optional<BigDecimal>>> inFlight =
      new ConcurrentHashMap<>();

  public PriceCache(Clock clock) {
    this.clock = clock;
  }

  /**
   * The last price of {@code key} (the broker's name for the instrument): one under a second old,
   * or the answer of the fetch under way, or — when there is neither — {@code fetch}'s.
   */
  public Optional<BigDecimal> lastPrice(String key, Supplier<Optional<BigDecimal>> fetch) {
    Optional<BigDecimal> fresh = recent(key, FRESH);
    if (fresh.isPresent()) {
      return fresh;
    }
    CompletableFuture<Optional<BigDecimal>> mine = new CompletableFuture<>();
    CompletableFuture<Optional<BigDecimal>> running = inFlight.putIfAbsent(key, mine);
    if (running != null) {
      try {
        return running.join();
      } catch (CompletionException failed) {
        if (failed.getCause() instanceof RuntimeException cause) {
          throw cause;
        }
        throw failed;
      }
    }
    try {
      Optional<BigDecimal> price = fetch.get();
      price.ifPresent(p -> seen.put(key, new Seen(p, clock.instant())));
      mine.complete(price);
      return price;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(key, mine);
    }
  }

  /** A price seen no longer ago than {@code maxAge}, if there is one. */
  public Optional<BigDecimal> recent(String key, Duration maxAge) {
    Seen last = seen.get(key);
    if (last == null || last.at().plus(maxAge).isBefore(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(last.price());
  }
}
