package io.tradebridge.brokers.kite.boundary;

import io.tradebridge.brokers.kite.control.KiteInstruments;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Kite's instrument list per exchange, fetched once a trading day (Kite publishes it each morning)
 * and kept in memory: a few MB for NFO, read on every order's risk check.
 */
@ApplicationScoped
public class KiteInstrumentList {

  private record Day(
      LocalDate date,
      Map<String, KiteInstruments.Listed> byKey,
      Map<String, KiteInstruments.Listed> byKiteSymbol) {

    static Day of(LocalDate date, Map<String, KiteInstruments.Listed> byKey) {
      Map<String, KiteInstruments.Listed> byKiteSymbol = new HashMap<>();
      byKey.values().forEach(l -> byKiteSymbol.put(l.kiteSymbol(), l));
      return new Day(date, byKey, byKiteSymbol);
    }
  }

  private final Map<String, Day> byExchange = new ConcurrentHashMap<>();

  /**
   * @param fetch Kite's CSV for the exchange, fetched only when today's list is not kept yet
   */
  public Optional<KiteInstruments.Listed> find(
      String exchange, String symbol, LocalDate today, Supplier<String> fetch) {
    return Optional.ofNullable(
        today(exchange, today, fetch).byKey().get(KiteInstruments.key(exchange, symbol)));
  }

  /** The instrument Kite calls {@code kiteSymbol} (BANKNIFTY26JUNFUT) on that exchange. */
  public Optional<KiteInstruments.Listed> findByKiteSymbol(
      String exchange, String kiteSymbol, LocalDate today, Supplier<String> fetch) {
    return Optional.ofNullable(today(exchange, today, fetch).byKiteSymbol().get(kiteSymbol));
  }

  /** Every instrument Kite lists on the exchange today. */
  public Collection<KiteInstruments.Listed> all(
      String exchange, LocalDate today, Supplier<String> fetch) {
    return today(exchange, today, fetch).byKey().values();
  }

  private Day today(String exchange, LocalDate today, Supplier<String> fetch) {
    Day day = byExchange.get(exchange);
    if (day == null || !day.date().equals(today)) {
      day = Day.of(today, KiteInstruments.read(new StringReader(fetch.get())));
      byExchange.put(exchange, day);
    }
    return day;
  }
}
