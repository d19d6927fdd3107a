package io.tradebridge.market.boundary;

import io.tradebridge.market.control.CandleBook;
import io.tradebridge.market.control.Instrument;
import io.tradebridge.market.control.InstrumentCatalog;
import io.tradebridge.market.control.PriceSimulator;
import io.tradebridge.market.control.Quote;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The built-in simulated exchange's market: its instruments and their moving prices. Prices live in
 * this server's memory; orders, fills and positions are in the database. Over a shared database one
 * server drives the market (its clock ticks here) and the others follow it: they take its prices
 * from the {@link PriceTape} instead of ticking, so every server quotes the same market.
 * TRADEBRIDGE_PAPER_SEED makes the walk repeatable.
 *
 * <p>A CDI bean guarding the simulator with its own lock, not a singleton EJB: the order desk asks
 * for a quote two or three times per order, and the EJB container's work per call (and its
 * read/write lock, which the once-a-second tick holds) cost more than the quote itself.
 */
@ApplicationScoped
public class PaperExchange {

  static final int STALL_SECONDS = 10;

  @Inject Clock clock;

  /** Whose holidays move an expiry to the trading day before. */
  @Inject MarketSession hours;

  @Inject
  @ConfigProperty(name = "TRADEBRIDGE_PAPER_SEED", defaultValue = "0")
  long seed;

  /**
   * An operator's own instruments, added to the bundled list (the same CSV format): every server
   * over one database must be given the same file.
   */
  @Inject
  @ConfigProperty(name = "TRADEBRIDGE_PAPER_INSTRUMENTS", defaultValue = " ")
  String extraInstruments;

  private InstrumentCatalog catalog;

  /** Not thread-safe: every use holds {@link #market}. */
  private PriceSimulator simulator;

  private final Object market = new Object();

  /** Candles from the prices ticked or followed here; guarded by {@link #market} too. */
  private final CandleBook candles = new CandleBook();

  private final List<Runnable> tickListeners = new CopyOnWriteArrayList<>();

  private volatile Instant openedAt;
  private volatile Instant lastTick;

  /** Why the operator's instrument list cannot be read; the start stops (see MarketSession). */
  private String refusal;

  @PostConstruct
  void open() {
    java.time.LocalDate today =
        clock.instant().atZone(java.time.ZoneId.of("Asia/Kolkata")).toLocalDate();
    try {
      catalog =
          InstrumentCatalog.bundled(
              today,
              extraInstruments == null || extraInstruments.isBlank()
                  ? null
                  : java.nio.file.Path.of(extraInstruments.strip()),
              hours.holidays());
    } catch (IllegalArgumentException e) {
      refusal = e.getMessage();
      catalog = InstrumentCatalog.bundled(today, null, hours.holidays());
    }
    simulator = new PriceSimulator(catalog.all(), seed == 0 ? System.nanoTime() : seed, clock);
    openedAt = clock.instant();
  }

  /** Why this server must not start with its instrument settings, if it must not. */
  public java.util.Optional<String> refusal() {
    return java.util.Optional.ofNullable(refusal);
  }

  public void tick() {
    Instant now = clock.instant();
    synchronized (market) {
      simulator.tick();
      recordCandles(now);
    }
    lastTick = now;
    ticked();
  }

  /**
   * A second of a closed market: prices stand at the close (quotes keep their last time) while the
   * exchange stays alive, so orders taken for the open are not refused as a stalled market.
   */
  public void hold() {
    lastTick = clock.instant();
  }

  /** Every instrument's state now, for the servers that follow this one's market. */
  public List<PriceSimulator.Moved> moved() {
    synchronized (market) {
      return simulator.moved();
    }
  }

  /**
   * Takes on the market the driving server last published at {@code tickedAt}: prices move here as
   * they move there, and stall here when they stall there.
   */
  public void follow(List<PriceSimulator.Moved> moved, Instant tickedAt) {
    synchronized (market) {
      moved.forEach(simulator::adopt);
      recordCandles(tickedAt);
    }
    lastTick = tickedAt;
    ticked();
  }

  /**
   * Runs {@code listener} after every move of the market here (a tick, or the driving server's
   * prices taken on): the push stream sends the new prices at once. Must return at once.
   */
  public void onTick(Runnable listener) {
    tickListeners.add(listener);
  }

  private void ticked() {
    tickListeners.forEach(Runnable::run);
  }

  /** Holds {@link #market}. */
  private void recordCandles(Instant at) {
    for (Instrument i : catalog.all()) {
      if (i.isOption()) {
        // Two days of minute bars for every strike would cost more memory than the whole rest
        // of the market: an option's premium is followed on the quote and the stream.
        continue;
      }
      Quote q = simulator.quote(i.key());
      if (q != null) {
        candles.record(i.key(), q.lastPrice(), q.volume(), at);
      }
    }
  }

  /** The instrument's candles seen here, oldest first (see {@link CandleBook#candles}). */
  public List<CandleBook.Candle> candles(
      Instrument instrument, Duration interval, Instant from, Instant to, int most) {
    synchronized (market) {
      return List.copyOf(candles.candles(instrument.key(), interval, from, to, most));
    }
  }

  public Optional<Quote> quote(Instrument instrument) {
    synchronized (market) {
      return Optional.ofNullable(simulator.quote(instrument.key()));
    }
  }

  public void traded(Instrument instrument, boolean buying, int quantity) {
    synchronized (market) {
      simulator.traded(instrument.key(), buying, quantity);
    }
  }

  /** Holds the instrument's price and best-level depth until released (the market control). */
  public Quote pin(Instrument instrument, BigDecimal last, int bidQuantity, int askQuantity) {
    Quote pinned;
    synchronized (market) {
      simulator.pin(instrument.key(), last, bidQuantity, askQuantity);
      pinned = simulator.quote(instrument.key());
    }
    ticked();
    return pinned;
  }

  public void release(Instrument instrument) {
    synchronized (market) {
      simulator.release(instrument.key());
    }
  }

  public Optional<Instrument> instrument(String exchange, String symbol) {
    return catalog.find(exchange, symbol);
  }

  public Collection<Instrument> instruments() {
    return catalog.all();
  }

  /**
   * True while prices move: a tick within the last {@value #STALL_SECONDS} seconds (or the engine
   * has just opened). Stale prices would fill paper orders at prices the market has left.
   */
  public boolean running() {
    Instant now = clock.instant();
    Instant last = lastTick != null ? lastTick : openedAt;
    return last != null && now.isBefore(last.plusSeconds(STALL_SECONDS));
  }
}
