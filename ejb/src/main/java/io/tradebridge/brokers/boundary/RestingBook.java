package io.tradebridge.brokers.boundary;

import io.tradebridge.brokers.control.RestingReach;
import io.tradebridge.common.control.EmbeddedDatabase;
import io.tradebridge.market.control.Quote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Tells the paper clock whether this second's quotes can move any resting order, so that it reads
 * the order book only then: with thousands of orders resting far from the market, reading them all
 * every second was a quarter of the server's work under load. Knows how near the resting orders
 * come to the market ({@link RestingReach}) from the clock's last full read plus every order
 * written since, which {@link RestingOrderListener} reports when the write is flushed.
 *
 * <p>Kept only over embedded Derby: orders another server node writes would never be reported here,
 * so over a shared database the clock reads the book every second, as before. A full read also
 * happens at least every {@value #FULL_READ_SECONDS} seconds, and whenever the reach is not known
 * (after a start).
 */
@ApplicationScoped
public class RestingBook {

  static final int FULL_READ_SECONDS = 60;

  @Inject EmbeddedDatabase database;
  @Inject Clock clock;

  private final Object lock = new Object();

  /** Null while not known: at start, and over a shared database. */
  private RestingReach reach;

  /** Orders written while a read runs (null otherwise): the read may have passed them already. */
  private List<RestingReach.Resting> writtenDuringRead;

  private Instant lastRead = Instant.MIN;

  /**
   * A working order was placed or changed; called when the change is flushed, before it commits.
   */
  void written(RestingReach.Resting order) {
    synchronized (lock) {
      if (reach != null) {
        // A write that rolls back leaves its price here: one needless read, never a missed fill.
        reach.include(order);
      }
      if (writtenDuringRead != null) {
        writtenDuringRead.add(order);
      }
    }
  }

  /**
   * Whether the clock must read the resting orders this second.
   *
   * @param quotes the current quote of an exchange and symbol
   */
  public boolean worthReading(BiFunction<String, String, Optional<Quote>> quotes) {
    if (!database.isEmbedded()) {
      return true;
    }
    synchronized (lock) {
      return reach == null
          || !clock.instant().isBefore(lastRead.plus(Duration.ofSeconds(FULL_READ_SECONDS)))
          || reach.reachedBy(quotes);
    }
  }

  /** The clock starts reading every working order. */
  public void readStarts() {
    synchronized (lock) {
      writtenDuringRead = new ArrayList<>();
    }
  }

  /**
   * The clock has read every working order into {@code found}. A read at Derby's read-committed
   * level waits for any order written but not yet committed when the read reaches it, so what it
   * missed was written after it started — and that was reported during the read and is added now.
   */
  public void readEnds(RestingReach found) {
    synchronized (lock) {
      if (writtenDuringRead != null) {
        writtenDuringRead.forEach(found::include);
      }
      writtenDuringRead = null;
      reach = database.isEmbedded() ? found : null;
      lastRead = clock.instant();
    }
  }

  /** The read failed: nothing learnt, the next second reads again. */
  public void readFailed() {
    synchronized (lock) {
      writtenDuringRead = null;
      reach = null;
    }
  }
}
