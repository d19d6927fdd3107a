package io.tradebridge.market.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
   * underlying's name in the symbol column) becomes the contracts NSE lists that day.
   */
  public static InstrumentCatalog bundled(LocalDate today) {
    try (InputStream in = InstrumentCatalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the build");
      }
      Map<String, Instrument> map = new LinkedHashMap<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = reader.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split(",");
        BigDecimal reference = new BigDecimal(f[4]);
        if (f.length > 6 && "FUT".equals(f[6].strip())) {
          for (Instrument contract :
              FuturesCalendar.listed(
                  f[1], f[2], Integer.parseInt(f[3]), reference, Integer.parseInt(f[5]), today)) {
            map.put(contract.key(), contract);
          }
          continue;
        }
        Instrument instrument =
            new Instrument(
                f[0],
                f[1],
                f[2],
                Integer.parseInt(f[3]),
                TickSize.forEquity(reference),
                reference,
                Integer.parseInt(f[5]),
                null);
        map.put(instrument.key(), instrument);
      }
      return new InstrumentCatalog(map);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Optional<Instrument> find(String exchange, String symbol) {
    return Optional.ofNullable(byKey.get(exchange + ":" + symbol.toUpperCase(Locale.ROOT)));
  }

  public Collection<Instrument> all() {
    return byKey.values();
  }
}
