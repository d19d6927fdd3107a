package io.tradebridge.excel.control;

import io.tradebridge.excel.entity.CellValue;
import io.tradebridge.excel.entity.Column;
import io.tradebridge.excel.entity.OrderRow;
import io.tradebridge.excel.entity.RowProblem;
import io.tradebridge.excel.entity.SheetRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks one order row offline, with the server's rules (API.md, "Orders") and the sheet's
 * (WORKBOOK.md): aliases as traders type them, numbers as numbers or text, never a silent default.
 * Every problem of a row is reported, each with its row, column and cell.
 */
public final class RowValidator {

  static final Map<String, String> SIDES = aliases("BUY", "SELL", "B=BUY", "S=SELL");
  static final Map<String, String> ORDER_TYPES =
      aliases(
          "MARKET",
          "LIMIT",
          "STOP_LOSS",
          "SL_MARKET",
          "MKT=MARKET",
          "M=MARKET",
          "L=LIMIT",
          "SL=STOP_LOSS",
          "SL-M=SL_MARKET");
  static final Map<String, String> PRODUCT_TYPES =
      aliases("INTRADAY", "DELIVERY", "NORMAL", "MIS=INTRADAY", "CNC=DELIVERY", "NRML=NORMAL");
  static final Map<String, String> EXCHANGES = aliases("NSE", "BSE", "NFO", "BFO", "MCX", "CDS");
  static final Map<String, String> VARIETIES = aliases("REGULAR", "BO", "CO");
  static final Map<String, String> VALIDITIES = aliases("DAY", "IOC");
  private static final Pattern CLIENT_ORDER_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final BigDecimal MAX_QUANTITY = BigDecimal.valueOf(1_000_000_000L);

  private RowValidator() {}

  /** The outcome for one row: an order, or its problems. */
  public record Result(OrderRow order, List<RowProblem> problems) {
    public boolean valid() {
      return problems.isEmpty();
    }
  }

  public static Result check(SheetRow row, HeaderMap header) {
    return new RowValidator().run(row, header);
  }

  private Result run(SheetRow row, HeaderMap header) {
    Checks c = new Checks(row, header);
    String account = c.text(Column.ACCOUNT, 1, 32, true);
    String exchange = c.choice(Column.EXCHANGE, EXCHANGES, true);
    String symbol = c.text(Column.SYMBOL, 1, 64, true);
    String side = c.choice(Column.SIDE, SIDES, true);
    Long quantity = c.whole(Column.QUANTITY, true);
    String orderType = c.choice(Column.ORDER_TYPE, ORDER_TYPES, true);
    String productType = c.choice(Column.PRODUCT_TYPE, PRODUCT_TYPES, true);
    BigDecimal price = c.decimal(Column.PRICE);
    BigDecimal trigger = c.decimal(Column.TRIGGER_PRICE);
    String variety = c.choice(Column.VARIETY, VARIETIES, false);
    String validity = c.choice(Column.VALIDITY, VALIDITIES, false);
    BigDecimal target = c.decimal(Column.TARGET);
    BigDecimal stoploss = c.decimal(Column.STOPLOSS);
    BigDecimal trailing = c.decimal(Column.TRAILING_STOPLOSS);
    Long disclosed = c.whole(Column.DISCLOSED_QUANTITY, false);
    String strategy = c.text(Column.STRATEGY, 0, 64, false);
    String comments = c.text(Column.COMMENTS, 0, 255, false);
    String clientOrderId = c.text(Column.CLIENT_ORDER_ID, 1, 64, false);

    if (quantity != null && quantity <= 0) {
      c.problem(Column.QUANTITY, "must be greater than 0");
    }
    if (orderType != null) {
      boolean needsPrice = orderType.equals("LIMIT") || orderType.equals("STOP_LOSS");
      boolean needsTrigger = orderType.equals("STOP_LOSS") || orderType.equals("SL_MARKET");
      if (needsPrice && !positive(price)) {
        c.problemUnlessReported(
            Column.PRICE, "is required for " + orderType + " orders and must be greater than 0");
      } else if (!needsPrice && !absentOrZero(price)) {
        c.problem(Column.PRICE, "must be empty or 0 for " + orderType + " orders");
      }
      if (needsTrigger && !positive(trigger)) {
        c.problemUnlessReported(
            Column.TRIGGER_PRICE,
            "is required for " + orderType + " orders and must be greater than 0");
      } else if (!needsTrigger && !"CO".equals(variety) && !absentOrZero(trigger)) {
        c.problem(Column.TRIGGER_PRICE, "must be empty or 0 for " + orderType + " orders");
      }
    }
    if ("BO".equals(variety)) {
      if (!positive(target)) {
        c.problemUnlessReported(
            Column.TARGET, "is required for bracket (BO) orders and must be greater than 0");
      }
      if (!positive(stoploss)) {
        c.problemUnlessReported(
            Column.STOPLOSS, "is required for bracket (BO) orders and must be greater than 0");
      }
    }
    if ("CO".equals(variety) && !positive(trigger)) {
      c.problemUnlessReported(
          Column.TRIGGER_PRICE, "is required for cover (CO) orders and must be greater than 0");
    }
    if (trailing != null && trailing.signum() < 0) {
      c.problem(Column.TRAILING_STOPLOSS, "must not be negative");
    }
    if (disclosed != null && quantity != null && (disclosed < 0 || disclosed > quantity)) {
      c.problem(Column.DISCLOSED_QUANTITY, "must be between 0 and the quantity");
    }
    if (clientOrderId != null && !CLIENT_ORDER_ID.matcher(clientOrderId).matches()) {
      c.problem(Column.CLIENT_ORDER_ID, "must be 1-64 of A-Z a-z 0-9 . _ : -");
    }
    if (!c.problems.isEmpty()) {
      return new Result(null, List.copyOf(c.problems));
    }
    return new Result(
        new OrderRow(
            row.rowNumber(),
            account,
            exchange,
            symbol,
            side,
            quantity,
            orderType,
            productType,
            price,
            trigger,
            variety,
            validity,
            target,
            stoploss,
            trailing,
            disclosed,
            strategy,
            comments,
            clientOrderId),
        List.of());
  }

  private static boolean positive(BigDecimal value) {
    return value != null && value.signum() > 0;
  }

  private static boolean absentOrZero(BigDecimal value) {
    return value == null || value.signum() == 0;
  }

  private static Map<String, String> aliases(String... entries) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String entry : entries) {
      int eq = entry.indexOf('=');
      map.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? entry : entry.substring(eq + 1));
    }
    return map;
  }

  /** The problems of one row, collected while its cells are read. */
  private static final class Checks {
    private final SheetRow row;
    private final HeaderMap header;
    private final List<RowProblem> problems = new ArrayList<>();
    private final java.util.Set<Column> reported = java.util.EnumSet.noneOf(Column.class);

    Checks(SheetRow row, HeaderMap header) {
      this.row = row;
      this.header = header;
    }

    void problem(Column column, String message) {
      reported.add(column);
      String name = header.nameOf(column).orElse(column.header());
      problems.add(
          new RowProblem(
              row.rowNumber(), name, header.cellOf(column, row.rowNumber()).orElse(null), message));
    }

    /**
     * A rule about a field whose cell already has a problem (e.g. text in Price) would only repeat
     * it.
     */
    void problemUnlessReported(Column column, String message) {
      if (!reported.contains(column)) {
        problem(column, message);
      }
    }

    private CellValue cell(Column column) {
      CellValue value = row.get(column);
      return value == null || value.isBlank() ? null : value;
    }

    private boolean usable(Column column, CellValue value) {
      if (value.kind() == CellValue.Kind.ERROR) {
        problem(column, "the cell shows an error (" + value.raw() + ")");
        return false;
      }
      return true;
    }

    String text(Column column, int min, int max, boolean required) {
      CellValue value = cell(column);
      if (value == null) {
        if (required) {
          problem(column, "is required");
        }
        return null;
      }
      if (!usable(column, value)) {
        return null;
      }
      String text =
          value.kind() == CellValue.Kind.NUMBER ? plainNumber(value.raw()) : value.raw().strip();
      if (text.length() < min || text.length() > max) {
        problem(column, "must be " + min + " to " + max + " characters");
        return null;
      }
      return text;
    }

    String choice(Column column, Map<String, String> allowed, boolean required) {
      CellValue value = cell(column);
      if (value == null) {
        if (required) {
          problem(column, "is required (" + String.join(", ", canonical(allowed)) + ")");
        }
        return null;
      }
      if (!usable(column, value)) {
        return null;
      }
      String typed = value.raw().strip().toUpperCase(Locale.ROOT);
      String resolved = allowed.get(typed);
      if (resolved == null) {
        problem(
            column,
            "must be one of "
                + String.join(", ", allowed.keySet())
                + ", not '"
                + value.raw().strip()
                + "'");
      }
      return resolved;
    }

    BigDecimal decimal(Column column) {
      CellValue value = cell(column);
      if (value == null || !usable(column, value)) {
        return null;
      }
      if (value.kind() == CellValue.Kind.DATE) {
        problem(column, "is a date; it must be a number");
        return null;
      }
      if (value.kind() == CellValue.Kind.BOOLEAN) {
        problem(column, "must be a number, not " + value.raw());
        return null;
      }
      BigDecimal number = Numbers.parse(value.raw());
      if (number == null) {
        problem(column, "must be a number, not '" + value.raw().strip() + "'");
      }
      return number;
    }

    Long whole(Column column, boolean required) {
      CellValue value = cell(column);
      if (value == null) {
        if (required) {
          problem(column, "is required");
        }
        return null;
      }
      BigDecimal number = decimal(column);
      if (number == null) {
        return null;
      }
      if (number.stripTrailingZeros().scale() > 0) {
        problem(
            column, "must be a whole number, not " + number.stripTrailingZeros().toPlainString());
        return null;
      }
      if (number.abs().compareTo(MAX_QUANTITY) > 0) {
        problem(column, "is too large");
        return null;
      }
      return number.longValueExact();
    }

    private static List<String> canonical(Map<String, String> allowed) {
      return allowed.values().stream().distinct().toList();
    }

    private static String plainNumber(String raw) {
      BigDecimal number = Numbers.parse(raw);
      return number == null ? raw.strip() : number.stripTrailingZeros().toPlainString();
    }
  }
}
