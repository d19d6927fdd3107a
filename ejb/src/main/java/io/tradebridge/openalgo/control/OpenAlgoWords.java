package io.tradebridge.openalgo.control;

import io.tradebridge.orders.entity.OrderStatus;
import io.tradebridge.orders.entity.OrderType;
import io.tradebridge.orders.entity.ProductType;
import io.tradebridge.orders.entity.Side;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenAlgo's words for our order model, both ways: {@code pricetype} MARKET/LIMIT/SL/SL-M, {@code
 * product} MIS/CNC/NRML, {@code order_status} in lower case, times in IST as OpenAlgo prints them,
 * and futures symbols in OpenAlgo's format ({@code NIFTY29DEC26FUT} is our {@code
 * NIFTY_29-DEC-2026_FUT}), so a script written for OpenAlgo names the same instrument unchanged.
 */
public final class OpenAlgoWords {

  public static final List<String> PRICE_TYPES = List.of("MARKET", "LIMIT", "SL", "SL-M");
  public static final List<String> PRODUCTS = List.of("MIS", "NRML", "CNC");
  public static final List<String> ACTIONS = List.of("BUY", "SELL", "buy", "sell");

  private static final Map<String, OrderType> ORDER_TYPES =
      Map.of(
          "MARKET", OrderType.MARKET,
          "LIMIT", OrderType.LIMIT,
          "SL", OrderType.STOP_LOSS,
          "SL-M", OrderType.SL_MARKET);

  private static final Map<String, ProductType> PRODUCT_TYPES =
      Map.of("MIS", ProductType.INTRADAY, "CNC", ProductType.DELIVERY, "NRML", ProductType.NORMAL);

  private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
  private static final DateTimeFormatter DAY_AND_TIME =
      DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss", Locale.ENGLISH).withZone(IST);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH).withZone(IST);

  /** OpenAlgo's future: underlying, day, month, two-digit year, FUT. */
  private static final Pattern OPENALGO_FUTURE =
      Pattern.compile("([A-Z0-9&-]+?)(\\d{2})([A-Z]{3})(\\d{2})FUT");

  private static final Pattern OUR_FUTURE =
      Pattern.compile("([A-Z0-9&-]+)_(\\d{2})-([A-Z]{3})-20(\\d{2})_FUT");

  private OpenAlgoWords() {}

  public static Side side(String action) {
    return Side.valueOf(action.toUpperCase(Locale.ROOT));
  }

  public static OrderType orderType(String pricetype) {
    return ORDER_TYPES.get(pricetype);
  }

  public static String pricetype(OrderType type) {
    return switch (type) {
      case MARKET -> "MARKET";
      case LIMIT -> "LIMIT";
      case STOP_LOSS -> "SL";
      case SL_MARKET -> "SL-M";
    };
  }

  public static ProductType productType(String product) {
    return PRODUCT_TYPES.get(product);
  }

  public static String product(ProductType type) {
    return switch (type) {
      case INTRADAY -> "MIS";
      case DELIVERY -> "CNC";
      case NORMAL -> "NRML";
    };
  }

  /**
   * OpenAlgo's {@code order_status}. An order we sent whose answer is still awaited counts as open:
   * it may fill, and it can be cancelled.
   */
  public static String orderStatus(OrderStatus status) {
    return switch (status) {
      case PENDING, OPEN -> "open";
      case TRIGGER_PENDING -> "trigger pending";
      case COMPLETE -> "complete";
      case CANCELLED -> "cancelled";
      case REJECTED -> "rejected";
    };
  }

  public static String timestamp(Instant at) {
    return at == null ? "" : DAY_AND_TIME.format(at);
  }

  public static String time(Instant at) {
    return at == null ? "" : TIME.format(at);
  }

  /** The symbol as we list it: an OpenAlgo future is renamed, anything else upper-cased. */
  public static String ourSymbol(String openAlgoSymbol) {
    String s = openAlgoSymbol.strip().toUpperCase(Locale.ROOT);
    Matcher m = OPENALGO_FUTURE.matcher(s);
    if (m.matches()) {
      return m.group(1) + "_" + m.group(2) + "-" + m.group(3) + "-20" + m.group(4) + "_FUT";
    }
    return s;
  }

  /** The symbol as OpenAlgo writes it. */
  public static String openAlgoSymbol(String ourSymbol) {
    Matcher m = OUR_FUTURE.matcher(ourSymbol);
    if (m.matches()) {
      return m.group(1) + m.group(2) + m.group(3) + m.group(4) + "FUT";
    }
    return ourSymbol;
  }

  /** The broker's name as OpenAlgo's ping gives it. */
  public static String broker(String brokerName) {
    return switch (brokerName) {
      case "KITE" -> "zerodha";
      case "UPSTOX" -> "upstox";
      default -> brokerName.toLowerCase(Locale.ROOT);
    };
  }
}
