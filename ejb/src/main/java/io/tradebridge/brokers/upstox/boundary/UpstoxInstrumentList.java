package io.tradebridge.brokers.upstox.boundary;

import io.tradebridge.brokers.upstox.control.UpstoxInstruments;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

/**
 * Upstox's instrument files, fetched once a trading day per file (NSE, BSE, MCX) and kept in
 * memory, by our symbol and by Upstox's instrument key (how its positions name what they hold).
 */
@ApplicationScoped
public class UpstoxInstrumentList {

  private record Day(
      LocalDate date,
      Map<String, UpstoxInstruments.Listed> byKey,
      Map<String, UpstoxInstruments.Listed> byInstrumentKey) {

    static Day of(LocalDate date, Map<String, UpstoxInstruments.Listed> byKey) {
      Map<String, UpstoxInstruments.Listed> byInstrumentKey = new HashMap<>();
      byKey.values().forEach(l -> byInstrumentKey.put(l.instrumentKey(), l));
      return new Day(date, byKey, byInstrumentKey);
    }
  }

  private final Map<String, Day> byFile = new ConcurrentHashMap<>();

  /**
   * @param fetch the gzip file Upstox publishes the exchange in, fetched only when today's is not
   *     kept yet
   */
  public Optional<UpstoxInstruments.Listed> find(
      String exchange, String symbol, LocalDate today, Supplier<byte[]> fetch) {
    return Optional.ofNullable(
        today(exchange, today, fetch).byKey().get(UpstoxInstruments.key(exchange, symbol)));
  }

  /** The instrument Upstox keys {@code instrumentKey} ({@code NSE_EQ|INE062A01020}). */
  public Optional<UpstoxInstruments.Listed> findByInstrumentKey(
      String exchange, String instrumentKey, LocalDate today, Supplier<byte[]> fetch) {
    return Optional.ofNullable(today(exchange, today, fetch).byInstrumentKey().get(instrumentKey));
  }

  /** Every instrument of the exchange Upstox lists today. */
  public Collection<UpstoxInstruments.Listed> all(
      String exchange, LocalDate today, Supplier<byte[]> fetch) {
    return today(exchange, today, fetch).byKey().values().stream()
        .filter(l -> l.instrument().exchange().equals(exchange))
        .toList();
  }

  private Day today(String exchange, LocalDate today, Supplier<byte[]> fetch) {
    String file = UpstoxInstruments.fileOf(exchange);
    Day day = byFile.get(file);
    if (day == null || !day.date().equals(today)) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(fetch.get()))) {
        day = Day.of(today, UpstoxInstruments.read(in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      byFile.put(file, day);
    }
    return day;
  }
}
