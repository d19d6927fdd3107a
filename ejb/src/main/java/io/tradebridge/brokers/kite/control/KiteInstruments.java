package io.tradebridge.brokers.kite.control;

import io.tradebridge.market.control.Instrument;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Kite's daily instrument list (GET /instruments/{exchange}, CSV) read into our broker-independent
 * symbols: an equity keeps its trading symbol ({@code SBIN}); a future is {@code
 * NAME_DD-MMM-YYYY_FUT} and an option {@code NAME_DD-MMM-YYYY_STRIKE_CE}, as the paper exchange
 * names them, whatever Kite's compact symbol ({@code BANKNIFTY26JUNFUT}) says.
 */
public final class KiteInstruments {

  private static final DateTimeFormatter EXPIRY =
      DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH);

  /** One instrument of the list, with Kite's own symbol to send orders under. */
  public record Listed(Instrument instrument, String kiteSymbol, long instrumentToken) {}

  private KiteInstruments() {}

  /** Every row of the list by our symbol ("NSE:SBIN"); rows that cannot be read are skipped. */
  public static Map<String, Listed> read(Reader csv) {
    Map<String, Listed> byKey = new HashMap<>();
    try {
      for (CSVRecord row :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(csv)) {
        Listed listed = listed(row);
        if (listed != null) {
          byKey.put(key(listed.instrument().exchange(), listed.instrument().symbol()), listed);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return byKey;
  }

  public static String key(String exchange, String symbol) {
    return exchange.toUpperCase(Locale.ROOT) + ":" + symbol.toUpperCase(Locale.ROOT);
  }

  private static Listed listed(CSVRecord row) {
    try {
      String exchange = row.get("exchange");
      String kiteSymbol = row.get("tradingsymbol");
      String type = row.get("instrument_type");
      String name = row.get("name").isBlank() ? kiteSymbol : row.get("name");
      String symbol;
      if ("FUT".equals(type)) {
        symbol = row.get("name") + "_" + expiry(row) + "_FUT";
      } else if ("CE".equals(type) || "PE".equals(type)) {
        symbol =
            row.get("name")
                + "_"
                + expiry(row)
                + "_"
                + new BigDecimal(row.get("strike")).stripTrailingZeros().toPlainString()
                + "_"
                + type;
      } else {
        symbol = kiteSymbol;
      }
      Instrument instrument =
          new Instrument(
              exchange,
              symbol,
              name,
              Integer.parseInt(row.get("lot_size")),
              new BigDecimal(row.get("tick_size")),
              new BigDecimal(row.get("last_price")),
              0,
              row.get("expiry") == null || row.get("expiry").isBlank()
                  ? null
                  : java.time.LocalDate.parse(row.get("expiry")));
      return new Listed(instrument, kiteSymbol, Long.parseLong(row.get("instrument_token")));
    } catch (RuntimeException unreadable) {
      return null;
    }
  }

  private static String expiry(CSVRecord row) {
    return LocalDate.parse(row.get("expiry")).format(EXPIRY).toUpperCase(Locale.ROOT);
  }
}
