package io.tradebridge.market.control;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The paper exchange's market: a random walk per instrument with a real spread (bid below, ask
 * above the last price, at least one tick apart) and five levels of depth on each side. Seeded, so
 * a test replays the same prices. Not thread-safe: its owner serialises access.
 */
public final class PriceSimulator {

  /**
   * Standard deviation of one tick's relative move: about 0.6% over an hour of one-second ticks.
   */
  private static final double VOLATILITY_PER_TICK = 0.0001;

  private static final int LEVELS = 5;

  private final Random random;
  private final Clock clock;
  private final Map<String, State> states = new LinkedHashMap<>();

  public PriceSimulator(Collection<Instrument> instruments, long seed, Clock clock) {
    this.random = new Random(seed);
    this.clock = clock;
    for (Instrument i : instruments) {
      states.put(i.key(), new State(i));
    }
  }

  /**
   * Moves every price one step and draws fresh depth; a pinned price stays where it was put. An
   * option's premium is not a walk of its own: it follows its underlying's new price through {@link
   * OptionPricer}, and time passing wears its time value away.
   */
  public void tick() {
    for (State s : states.values()) {
      if (s.pinned || s.instrument.isOption()) {
        continue;
      }
      double move = 1 + random.nextGaussian() * VOLATILITY_PER_TICK;
      s.setLast(TickSize.round(s.last.multiply(BigDecimal.valueOf(move)), s.instrument.tickSize()));
      s.volume += (long) (random.nextInt(50) + 1) * s.instrument.lotSize();
      s.redrawDepth();
    }
    java.time.Instant now = clock.instant();
    for (State s : states.values()) {
      if (s.pinned || !s.instrument.isOption()) {
        continue;
      }
      State underlying = states.get(s.instrument.underlying());
      if (underlying == null) {
        continue;
      }
      s.setLast(premium(s.instrument, underlying.last, now));
      s.volume += (long) (random.nextInt(50) + 1) * s.instrument.lotSize();
      s.redrawDepth();
    }
  }

  /** The option's premium now, with its underlying at {@code underlying}. */
  private static BigDecimal premium(
      Instrument option, BigDecimal underlying, java.time.Instant now) {
    double years = yearsToExpiry(option, now);
    double premium =
        OptionPricer.price(
                "CE".equals(option.optionType()),
                underlying.doubleValue(),
                option.strike().doubleValue(),
                years)
            .premium();
    return TickSize.round(BigDecimal.valueOf(premium), option.tickSize());
  }

  /** Time left until the contract's close on its expiry day (15:30 in India), in years. */
  public static double yearsToExpiry(Instrument contract, java.time.Instant now) {
    java.time.Instant close =
        contract.expiry().atTime(MarketHours.CLOSE).atZone(MarketHours.INDIA).toInstant();
    return Math.max(0, java.time.Duration.between(now, close).toSeconds()) / (365.0 * 24 * 3600);
  }

  public Quote quote(String key) {
    State s = states.get(key);
    return s == null ? null : s.quote();
  }

  /**
   * Records a paper fill in the day's volume, as a real exchange would. A pinned quote's depth is a
   * scripted market: what a fill took from it is gone until the price is pinned again (a moving
   * price draws fresh depth every second anyway).
   */
  public void traded(String key, boolean buying, int quantity) {
    State s = states.get(key);
    if (s != null) {
      s.volume += quantity;
      if (s.pinned) {
        s.take(buying ? s.askDepth : s.bidDepth, quantity);
      }
    }
  }

  /**
   * Holds an instrument's price at {@code last} with {@code bidQuantity} and {@code askQuantity} at
   * the best bid and ask and nothing deeper, until {@link #release}: the paper market's control,
   * for rehearsing what a strategy does when the price gets somewhere. False for an unknown key.
   */
  public boolean pin(String key, BigDecimal last, int bidQuantity, int askQuantity) {
    State s = states.get(key);
    if (s == null) {
      return false;
    }
    s.pinned = true;
    s.setLast(TickSize.round(last, s.instrument.tickSize()));
    Arrays.fill(s.askDepth, 0);
    Arrays.fill(s.bidDepth, 0);
    s.askDepth[0] = askQuantity;
    s.bidDepth[0] = bidQuantity;
    return true;
  }

  /** Lets a pinned price walk again from where it stands, with fresh depth. */
  public void release(String key) {
    State s = states.get(key);
    if (s != null && s.pinned) {
      s.pinned = false;
      s.redrawDepth();
    }
  }

  /**
   * One instrument's moving state as the server driving the market shares it with the others: the
   * last price, the day's range and volume, and the depth as "ask1,…,ask5;bid1,…,bid5".
   */
  public record Moved(
      String key, BigDecimal last, BigDecimal high, BigDecimal low, long volume, String depth) {}

  /** Every instrument's state now, for the servers that follow this one's market. */
  public List<Moved> moved() {
    List<Moved> all = new ArrayList<>(states.size());
    for (State s : states.values()) {
      all.add(new Moved(s.instrument.key(), s.last, s.high, s.low, s.volume, s.depth()));
    }
    return all;
  }

  /** Takes on the driving server's state of one instrument; unknown instruments are ignored. */
  public void adopt(Moved moved) {
    State s = states.get(moved.key());
    if (s != null) {
      // The database column holds four decimals; prices here are always tick-rounded (scale 2).
      BigDecimal tick = s.instrument.tickSize();
      s.last = TickSize.round(moved.last(), tick);
      s.high = TickSize.round(moved.high(), tick);
      s.low = TickSize.round(moved.low(), tick);
      s.volume = moved.volume();
      s.adoptDepth(moved.depth());
    }
  }

  private final class State {
    final Instrument instrument;
    final BigDecimal open;
    final BigDecimal close;
    BigDecimal last;
    BigDecimal high;
    BigDecimal low;
    long volume;
    int[] askDepth = new int[LEVELS];
    int[] bidDepth = new int[LEVELS];
    boolean pinned;

    State(Instrument instrument) {
      this.instrument = instrument;
      this.close = TickSize.round(instrument.referencePrice(), instrument.tickSize());
      this.open = close;
      this.last = close;
      this.high = close;
      this.low = close;
      redrawDepth();
    }

    void setLast(BigDecimal price) {
      BigDecimal floor = instrument.tickSize();
      last = price.max(floor);
      high = high.max(last);
      low = low.min(last);
    }

    void redrawDepth() {
      for (int i = 0; i < LEVELS; i++) {
        askDepth[i] =
            (random.nextInt(40) + 10) * instrument.lotSize() * (instrument.lotSize() == 1 ? 10 : 1);
        bidDepth[i] =
            (random.nextInt(40) + 10) * instrument.lotSize() * (instrument.lotSize() == 1 ? 10 : 1);
      }
    }

    /** Takes {@code quantity} from the best level outwards. */
    void take(int[] levels, int quantity) {
      int left = quantity;
      for (int i = 0; i < LEVELS && left > 0; i++) {
        int taken = Math.min(left, levels[i]);
        levels[i] -= taken;
        left -= taken;
      }
    }

    String depth() {
      StringBuilder b = new StringBuilder(64);
      for (int i = 0; i < LEVELS; i++) {
        b.append(i == 0 ? "" : ",").append(askDepth[i]);
      }
      b.append(';');
      for (int i = 0; i < LEVELS; i++) {
        b.append(i == 0 ? "" : ",").append(bidDepth[i]);
      }
      return b.toString();
    }

    void adoptDepth(String depth) {
      String[] sides = depth.split(";", -1);
      if (sides.length != 2) {
        return;
      }
      String[] asks = sides[0].split(",");
      String[] bids = sides[1].split(",");
      for (int i = 0; i < LEVELS && i < asks.length && i < bids.length; i++) {
        askDepth[i] = Integer.parseInt(asks[i]);
        bidDepth[i] = Integer.parseInt(bids[i]);
      }
    }

    Quote quote() {
      BigDecimal tick = instrument.tickSize();
      // Half a basis point of spread each side, and never less than a tick.
      BigDecimal half = TickSize.round(last.multiply(new BigDecimal("0.00025")), tick).max(tick);
      BigDecimal bid = last.subtract(half);
      BigDecimal ask = last.add(half);
      List<Quote.Level> asks = new ArrayList<>(LEVELS);
      List<Quote.Level> bids = new ArrayList<>(LEVELS);
      for (int i = 0; i < LEVELS; i++) {
        BigDecimal step = tick.multiply(BigDecimal.valueOf(i));
        asks.add(new Quote.Level(ask.add(step), askDepth[i]));
        bids.add(new Quote.Level(bid.subtract(step).max(tick), bidDepth[i]));
      }
      return new Quote(
          instrument.exchange(),
          instrument.symbol(),
          last,
          bid,
          ask,
          open,
          high,
          low,
          close,
          volume,
          clock.instant(),
          List.copyOf(asks),
          List.copyOf(bids));
    }
  }
}
