package io.tradebridge.excel.entity;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of the Orders sheet (WORKBOOK.md, "The sheet"): the order's fields, named as in
 * API.md, then the results the bridge writes back. Headers match ignoring case, spaces, '_' and
 * '-'.
 */
public enum Column {
  ACCOUNT("Account", true),
  EXCHANGE("Exchange", true),
  SYMBOL("Symbol", true),
  SIDE("Side", true),
  QUANTITY("Quantity", true),
  ORDER_TYPE("OrderType", true),
  PRODUCT_TYPE("ProductType", true, "Product"),
  PRICE("Price", true),
  TRIGGER_PRICE("TriggerPrice", true),
  VARIETY("Variety", true),
  VALIDITY("Validity", true),
  TARGET("Target", true),
  STOPLOSS("Stoploss", true),
  TRAILING_STOPLOSS("TrailingStoploss", true),
  DISCLOSED_QUANTITY("DisclosedQuantity", true),
  STRATEGY("Strategy", true),
  COMMENTS("Comments", true),
  CLIENT_ORDER_ID("ClientOrderId", true),
  STATUS("Status", false),
  FILLED_QUANTITY("FilledQuantity", false),
  AVERAGE_PRICE("AveragePrice", false),
  ORDER_ID("OrderId", false),
  MESSAGE("Message", false),
  SUBMITTED_AT("SubmittedAt", false);

  private static final Map<String, Column> BY_KEY = new HashMap<>();

  static {
    for (Column column : values()) {
      BY_KEY.put(key(column.header), column);
      column.aliases.forEach(alias -> BY_KEY.put(key(alias), column));
    }
  }

  private final String header;
  private final boolean input;
  private final List<String> aliases;

  Column(String header, boolean input, String... aliases) {
    this.header = header;
    this.input = input;
    this.aliases = List.of(aliases);
  }

  /** The name the template writes and messages use. */
  public String header() {
    return header;
  }

  /** An order field read from the sheet, as opposed to a result written back. */
  public boolean isInput() {
    return input;
  }

  /** The column a header cell names, if it is one of ours. */
  public static Optional<Column> forHeader(String text) {
    return text == null ? Optional.empty() : Optional.ofNullable(BY_KEY.get(key(text)));
  }

  static String key(String header) {
    return header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", "");
  }

  /**
   * Results in the order WORKBOOK.md lists them: Status, FilledQuantity, AveragePrice, OrderId,
   * Message, SubmittedAt.
   */
  public static List<Column> outputs() {
    return List.of(STATUS, FILLED_QUANTITY, AVERAGE_PRICE, ORDER_ID, MESSAGE, SUBMITTED_AT);
  }
}
