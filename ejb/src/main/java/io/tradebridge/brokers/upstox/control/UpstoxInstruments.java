package io.tradebridge.brokers.upstox.control;

import io.tradebridge.market.control.Instrument;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Upstox's daily instrument file ({@code <exchange>.json.gz}, a JSON array) read into our
 * broker-independent symbols: an equity keeps its trading symbol ({@code SBIN}); a future is {@code
 * NAME_DD-MMM-YYYY_FUT} and an option {@code NAME_DD-MMM-YYYY_STRIKE_CE}, as the paper exchange and
 * the Kite adapter name them. Orders go out under the instrument key ({@code NSE_EQ|INE062A01020}).
 * Upstox gives the tick size in paise.
 */
public final class UpstoxInstruments {

  private static final DateTimeFormatter EXPIRY =
      DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH);
  private static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

  /** Upstox's segments by our exchanges. */
  private static final Map<String, String> EXCHANGE_OF_SEGMENT =
      Map.of(
          "NSE_EQ", "NSE",
          "BSE_EQ", "BSE",
          "NSE_FO", "NFO",
          "BSE_FO", "BFO",
          "MCX_FO", "MCX",
          "NCD_FO", "CDS");

  /** One instrument of the file, with the key Upstox takes orders under. */
  public record Listed(Instrument instrument, String instrumentKey) {}

  private UpstoxInstruments() {}

  /** The file Upstox publishes our exchange in: NSE's holds its equities, F&amp;O and currency. */
  public static String fileOf(String ourExchange) {
    return switch (ourExchange) {
      case "BSE", "BFO" -> "BSE";
      case "MCX" -> "MCX";
      default -> "NSE";
    };
  }

  /**
   * Our exchange of an Upstox instrument key ({@code NSE_FO|47567} is NFO), by its segment; null
   * for a segment we do not trade.
   */
  public static String exchangeOfKey(String instrumentKey) {
    int bar = instrumentKey.indexOf('|');
    return bar < 0 ? null : EXCHANGE_OF_SEGMENT.get(instrumentKey.substring(0, bar));
  }

  /**
   * Every row of the file on our exchanges by our key ("NSE:SBIN"); rows that cannot be read, or of
   * segments we do not trade, are skipped. Read as a stream: NSE's file has some 100,000 rows.
   */
  public static Map<String, Listed> read(InputStream json) {
    Map<String, Listed> byKey = new HashMap<>();
    try (JsonParser parser = Json.createParser(json)) {
      if (!parser.hasNext() || parser.next() != JsonParser.Event.START_ARRAY) {
        throw new IllegalArgumentException("Upstox's instrument file is not a JSON array");
      }
      while (parser.hasNext()) {
        JsonParser.Event event = parser.next();
        if (event == JsonParser.Event.START_OBJECT) {
          Listed listed = listed(parser.getObject());
          if (listed != null) {
            byKey.put(key(listed.instrument().exchange(), listed.instrument().symbol()), listed);
          }
        }
      }
    }
    return byKey;
  }

  public static String key(String exchange, String symbol) {
    return exchange.toUpperCase(Locale.ROOT) + ":" + symbol.toUpperCase(Locale.ROOT);
  }

  static Listed listed(JsonObject row) {
    try {
      String exchange = EXCHANGE_OF_SEGMENT.get(text(row, "segment"));
      String instrumentKey = text(row, "instrument_key");
      String tradingSymbol = text(row, "trading_symbol");
      if (exchange == null || instrumentKey == null || tradingSymbol == null) {
        return null;
      }
      String type = text(row, "instrument_type");
      String underlying = text(row, "underlying_symbol");
      String symbol;
      if ("FUT".equals(type)) {
        symbol = underlying + "_" + expiry(row) + "_FUT";
      } else if ("CE".equals(type) || "PE".equals(type)) {
        symbol =
            underlying
                + "_"
                + expiry(row)
                + "_"
                + number(row, "strike_price").stripTrailingZeros().toPlainString()
                + "_"
                + type;
      } else {
        symbol = tradingSymbol;
      }
      String name = text(row, "name");
      Instrument instrument =
          new Instrument(
              exchange,
              symbol,
              name == null || name.isBlank() ? tradingSymbol : name,
              row.getInt("lot_size", 1),
              number(row, "tick_size").movePointLeft(2).setScale(2, RoundingMode.HALF_UP),
              BigDecimal.ZERO,
              row.containsKey("freeze_quantity") ? number(row, "freeze_quantity").intValue() : 0,
              // Upstox gives a contract's expiry as epoch milliseconds.
              row.containsKey("expiry") && !row.isNull("expiry")
                  ? java.time.Instant.ofEpochMilli(number(row, "expiry").longValue())
                      .atZone(java.time.ZoneId.of("Asia/Kolkata"))
                      .toLocalDate()
                  : null);
      return new Listed(instrument, instrumentKey);
    } catch (RuntimeException unreadable) {
      return null;
    }
  }

  /** Upstox's expiry is milliseconds since 1970; the contract's day is India's. */
  private static String expiry(JsonObject row) {
    return Instant.ofEpochMilli(number(row, "expiry").longValue())
        .atZone(INDIA)
        .toLocalDate()
        .format(EXPIRY)
        .toUpperCase(Locale.ROOT);
  }

  private static BigDecimal number(JsonObject row, String name) {
    JsonValue value = row.get(name);
    if (value instanceof JsonNumber n) {
      return n.bigDecimalValue();
    }
    throw new IllegalArgumentException(name + " is not a number");
  }

  private static String text(JsonObject object, String name) {
    return UpstoxOrders.text(object, name);
  }
}
