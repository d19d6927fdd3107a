package io.tradebridge.market.control;

import io.tradebridge.market.entity.Exchange;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The paper exchange's instrument list, read once from the bundled CSV. */
public final class InstrumentCatalog {

  private static final String RESOURCE = "/io/tradebridge/brokers/paper/instruments.csv";

  private final Map<String, Instrument> byKey;

  private InstrumentCatalog(Map<String, Instrument> byKey) {
    this.byKey = Collections.unmodifiableMap(byKey);
  }

  /** The list as of today in India. */
  public static InstrumentCatalog bundled() {
    return bundled(LocalDate.now(java.time.ZoneId.of("Asia/Kolkata")));
  }

  /**
   * The list on {@code today}: shares as the CSV lists them; a futures row (kind FUT, the
   * underlying's name in the symbol column) becomes the contracts NSE lists that day, and with a
   * strike step its options too ({@link OptionsCalendar}; WEEKLY adds the weekly expiries).
   */
  public static InstrumentCatalog bundled(LocalDate today) {
    return bundled(today, null);
  }

  /**
   * The bundled list and then an operator's own ({@code TRADEBRIDGE_PAPER_INSTRUMENTS}, the same
   * format): instruments the paper exchange should also list, or list differently (a row for an
   * instrument already listed replaces it).
   *
   * @throws IllegalArgumentException naming the file and line of a row that cannot be read
   */
  public static InstrumentCatalog bundled(LocalDate today, Path extra) {
    return bundled(today, extra, MarketHours.bundledHolidays());
  }

  /** As {@link #bundled(LocalDate, Path)}, with the exchange's holidays that move expiries. */
  public static InstrumentCatalog bundled(LocalDate today, Path extra, Set<LocalDate> holidays) {
    Map<String, Instrument> map = new LinkedHashMap<>();
    try (InputStream in = InstrumentCatalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the build");
      }
      read(
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)),
          RESOURCE,
          today,
          holidays,
          map);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (extra != null) {
      try (BufferedReader reader = Files.newBufferedReader(extra, StandardCharsets.UTF_8)) {
        read(reader, extra.toString(), today, holidays, map);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "TRADEBRIDGE_PAPER_INSTRUMENTS: " + extra + " cannot be read: " + e.getMessage(), e);
      }
    }
    return new InstrumentCatalog(map);
  }

  private static void read(
      BufferedReader reader,
      String source,
      LocalDate today,
      Set<LocalDate> holidays,
      Map<String, Instrument> map)
      throws IOException {
    int number = 0;
    for (String line; (line = reader.readLine()) != null; ) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      try {
        row(line, today, holidays).forEach(i -> map.put(i.key(), i));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            source
                + " line "
                + number
                + ": "
                + e.getMessage()
                + " (exchange,symbol,name,lotSize,referencePrice,freezeQuantity[,FUT[,strikeStep[,WEEKLY]]])",
            e);
      }
    }
  }

  private static List<Instrument> row(String line, LocalDate today, Set<LocalDate> holidays) {
    String[] f = line.split(",");
    if (f.length < 6) {
      throw new IllegalArgumentException("six fields at least, found " + f.length);
    }
    String exchange = f[0].strip().toUpperCase(Locale.ROOT);
    String symbol = f[1].strip().toUpperCase(Locale.ROOT);
    if (exchange.isEmpty() || symbol.isEmpty()) {
      throw new IllegalArgumentException("exchange and symbol are required");
    }
    if (java.util.Arrays.stream(Exchange.values()).noneMatch(e -> e.name().equals(exchange))) {
      throw new IllegalArgumentException(
          "exchange "
              + exchange
              + " is not one of "
              + java.util.Arrays.toString(Exchange.values()));
    }
    BigDecimal reference = number("referencePrice", f[4]);
    if (reference.signum() <= 0) {
      throw new IllegalArgumentException("the reference price must be above 0");
    }
    int lot = whole("lotSize", f[3]);
    int freeze = whole("freezeQuantity", f[5]);
    if (lot < 1 || freeze < 0) {
      throw new IllegalArgumentException("a lot of 1 or more, a freeze quantity of 0 or more");
    }
    if (f.length > 6 && "FUT".equals(f[6].strip())) {
      List<Instrument> futures =
          FuturesCalendar.listed(symbol, f[2].strip(), lot, reference, freeze, today, holidays);
      if (f.length < 8 || f[7].isBlank()) {
        return futures;
      }
      BigDecimal step = number("strikeStep", f[7]);
      if (step.signum() <= 0) {
        throw new IllegalArgumentException("the strike step must be above 0");
      }
      boolean weekly = f.length > 8 && "WEEKLY".equals(f[8].strip());
      List<Instrument> all = new java.util.ArrayList<>(futures);
      all.addAll(
          OptionsCalendar.listed(
              symbol,
              f[2].strip(),
              lot,
              reference,
              freeze,
              step,
              weekly,
              futures.get(0).key(),
              today,
              holidays));
      return all;
    }
    return List.of(
        new Instrument(
            exchange,
            symbol,
            f[2].strip(),
            lot,
            TickSize.forEquity(reference),
            reference,
            freeze,
            null));
  }

  private static BigDecimal number(String column, String text) {
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(column + " '" + text.strip() + "' is not a number", e);
    }
  }

  private static int whole(String column, String text) {
    try {
      return number(column, text).intValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          column + " '" + text.strip() + "' is not a whole number", e);
    }
  }

  public Optional<Instrument> find(String exchange, String symbol) {
    return Optional.ofNullable(byKey.get(exchange + ":" + symbol.toUpperCase(Locale.ROOT)));
  }

  public Collection<Instrument> all() {
    return byKey.values();
  }
}
