package io.tradebridge.market.control;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Candles of the paper market, built from the prices this server sees tick: one-minute bars kept
 * per instrument for {@link #KEEP_MINUTES}, from which longer intervals are rolled up on request.
 * Bars line up with the clock in India (a 15-minute bar starts at 09:15, 09:30, …; a day is India's
 * day). Memory only: a server that starts has no history before its start — it invents none.
 *
 * <p>Not thread-safe: the paper exchange calls it under its market lock.
 */
public final class CandleBook {

  /** Two trading days of one-minute bars and the night between. */
  public static final int KEEP_MINUTES = 2 * 24 * 60;

  static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

  /** A candle: the bar that starts at {@code time}. */
  public record Candle(
      Instant time,
      BigDecimal open,
      BigDecimal high,
      BigDecimal low,
      BigDecimal close,
      long volume) {

    Candle with(BigDecimal price, long traded) {
      return new Candle(
          time, open, high.max(price), low.min(price), price, volume + Math.max(0, traded));
    }

    Candle merge(Candle later) {
      return new Candle(
          time, open, high.max(later.high), low.min(later.low), later.close, volume + later.volume);
    }
  }

  private final Map<String, Deque<Candle>> minutes = new HashMap<>();
  private final Map<String, Long> dayVolumes = new HashMap<>();

  /** A price seen for the instrument {@code key} at {@code at}, with the day's volume so far. */
  public void record(String key, BigDecimal price, long dayVolume, Instant at) {
    Long before = dayVolumes.put(key, dayVolume);
    // A new day starts the volume again: the first sight of the day counts what it says.
    long traded = before == null ? 0 : dayVolume >= before ? dayVolume - before : dayVolume;
    Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
    Deque<Candle> bars = minutes.computeIfAbsent(key, k -> new ArrayDeque<>());
    Candle last = bars.peekLast();
    if (last != null && last.time().equals(minute)) {
      bars.pollLast();
      bars.addLast(last.with(price, traded));
    } else if (last == null || minute.isAfter(last.time())) {
      bars.addLast(new Candle(minute, price, price, price, price, Math.max(0, traded)));
      while (bars.size() > KEEP_MINUTES) {
        bars.pollFirst();
      }
    }
  }

  /**
   * The instrument's candles of {@code interval} starting in [from, to), oldest first, at most
   * {@code most} (the latest ones).
   */
  public List<Candle> candles(String key, Duration interval, Instant from, Instant to, int most) {
    Deque<Candle> bars = minutes.get(key);
    List<Candle> rolled = new ArrayList<>();
    if (bars == null) {
      return rolled;
    }
    for (Candle bar : bars) {
      Instant start = start(bar.time(), interval);
      if (start.isBefore(from.truncatedTo(ChronoUnit.MINUTES).minus(interval))
          || !start.isBefore(to)) {
        continue;
      }
      Candle at = new Candle(start, bar.open(), bar.high(), bar.low(), bar.close(), bar.volume());
      Candle last = rolled.isEmpty() ? null : rolled.get(rolled.size() - 1);
      if (last != null && last.time().equals(start)) {
        rolled.set(rolled.size() - 1, last.merge(at));
      } else {
        rolled.add(at);
      }
    }
    rolled.removeIf(c -> c.time().isBefore(start(from, interval)));
    return rolled.size() <= most ? rolled : rolled.subList(rolled.size() - most, rolled.size());
  }

  /** Where the bar of {@code interval} that holds {@code t} starts, on India's clock. */
  static Instant start(Instant t, Duration interval) {
    LocalDateTime local = LocalDateTime.ofInstant(t, INDIA);
    if (interval.toDays() >= 1) {
      return local.toLocalDate().atStartOfDay(INDIA).toInstant();
    }
    long minutes = interval.toMinutes();
    long ofDay = local.getHour() * 60L + local.getMinute();
    long startMinute = ofDay / minutes * minutes;
    return local.toLocalDate().atStartOfDay(INDIA).plusMinutes(startMinute).toInstant();
  }
}
