package io.tradebridge.brokers.upstox.boundary;

import io.tradebridge.brokers.upstox.control.UpstoxOrders;
import io.tradebridge.orders.boundary.HoldingView;
import io.tradebridge.orders.boundary.MarginsView;
import io.tradebridge.orders.boundary.Portfolio;
import io.tradebridge.orders.boundary.PositionView;
import io.tradebridge.orders.entity.ProductType;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.function.Function;

/**
 * Upstox's positions, holdings and funds (API v2, "Portfolio" and "User") in our answers' shapes.
 * Upstox names what a row holds by instrument key; {@code ours} turns that into our exchange and
 * symbol ({@code [NFO, BANKNIFTY_25-JUN-2026_FUT]}), or null for one we do not list.
 */
final class UpstoxPortfolio {

  private UpstoxPortfolio() {}

  /**
   * One row of short-term positions; the day's figures for {@code DAY}, the day's and the carried
   * ones together for {@code NET}. Null for a product or instrument we do not trade.
   */
  static PositionView position(
      String account,
      JsonObject row,
      Portfolio.Category category,
      Function<String, String[]> ours) {
    String[] where = ours.apply(row.getString("instrument_token", ""));
    if (where == null) {
      return null;
    }
    ProductType product = UpstoxOrders.productOf(row.getString("product", null), where[0]);
    if (product == null) {
      return null;
    }
    boolean day = category == Portfolio.Category.DAY;
    int bought =
        row.getInt("day_buy_quantity", 0) + (day ? 0 : row.getInt("overnight_buy_quantity", 0));
    int sold =
        row.getInt("day_sell_quantity", 0) + (day ? 0 : row.getInt("overnight_sell_quantity", 0));
    return new PositionView(
        account,
        where[0],
        where[1],
        product,
        day ? bought - sold : row.getInt("quantity", 0),
        bought,
        sold,
        decimal(row, day ? "day_buy_price" : "buy_price"),
        decimal(row, day ? "day_sell_price" : "sell_price"),
        decimal(row, "last_price"),
        decimal(row, "realised"),
        decimal(row, "unrealised"),
        decimal(row, "pnl"));
  }

  /** One long-term holding; the quantity includes shares bought yesterday (T1). */
  static HoldingView holding(String account, JsonObject row, Function<String, String[]> ours) {
    String[] where = ours.apply(row.getString("instrument_token", ""));
    String exchange = where == null ? row.getString("exchange", "") : where[0];
    String symbol = where == null ? row.getString("tradingsymbol", "") : where[1];
    return new HoldingView(
        account,
        exchange,
        symbol,
        row.getInt("quantity", 0) + row.getInt("t1_quantity", 0),
        decimal(row, "average_price"),
        decimal(row, "last_price"),
        decimal(row, "pnl"));
  }

  /**
   * The equity segment of get-funds-and-margin: {@code available_margin} is free to trade with,
   * {@code used_margin} what positions and orders block, and the two together the capital.
   */
  static MarginsView margins(String account, JsonObject data) {
    JsonObject equity =
        data.get("equity") instanceof JsonObject e ? e : JsonValue.EMPTY_JSON_OBJECT;
    BigDecimal available = decimal(equity, "available_margin");
    BigDecimal used = decimal(equity, "used_margin");
    return new MarginsView(account, available.add(used), available, used);
  }

  private static BigDecimal decimal(JsonObject row, String field) {
    return row.get(field) instanceof JsonNumber number ? number.bigDecimalValue() : BigDecimal.ZERO;
  }
}
