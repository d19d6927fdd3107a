package io.tradebridge.brokers.kite.boundary;

import io.tradebridge.brokers.kite.control.KiteOrders;
import io.tradebridge.orders.boundary.HoldingView;
import io.tradebridge.orders.boundary.MarginsView;
import io.tradebridge.orders.boundary.PositionView;
import io.tradebridge.orders.entity.ProductType;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.function.BinaryOperator;

/**
 * Kite's positions, holdings and margins (Kite Connect v3, "Portfolio" and "User") in our answers'
 * shapes. Kite's symbols are turned back into ours by {@code ourSymbol} (exchange, Kite's symbol →
 * ours), so a script reads {@code BANKNIFTY_25-JUN-2026_FUT} whichever broker holds it.
 */
final class KitePortfolio {

  private KitePortfolio() {}

  /** One row of {@code data.net} or {@code data.day}; null for a product we do not trade. */
  static PositionView position(String account, JsonObject kite, BinaryOperator<String> ourSymbol) {
    ProductType product = KiteOrders.productOf(kite.getString("product", null));
    if (product == null) {
      return null;
    }
    String exchange = kite.getString("exchange");
    return new PositionView(
        account,
        exchange,
        ourSymbol.apply(exchange, kite.getString("tradingsymbol")),
        product,
        kite.getInt("quantity", 0),
        kite.getInt("buy_quantity", 0),
        kite.getInt("sell_quantity", 0),
        decimal(kite, "buy_price"),
        decimal(kite, "sell_price"),
        decimal(kite, "last_price"),
        decimal(kite, "realised"),
        decimal(kite, "unrealised"),
        decimal(kite, "pnl"));
  }

  /** One holding; the quantity includes shares bought yesterday and not yet delivered (T1). */
  static HoldingView holding(String account, JsonObject kite, BinaryOperator<String> ourSymbol) {
    String exchange = kite.getString("exchange");
    return new HoldingView(
        account,
        exchange,
        ourSymbol.apply(exchange, kite.getString("tradingsymbol")),
        kite.getInt("quantity", 0) + kite.getInt("t1_quantity", 0),
        decimal(kite, "average_price"),
        decimal(kite, "last_price"),
        decimal(kite, "pnl"));
  }

  /**
   * The equity segment of {@code GET /user/margins}: {@code net} is what is free to trade with,
   * {@code utilised.debits} what positions and orders block, and the two together the capital.
   */
  static MarginsView margins(String account, JsonObject kite) {
    JsonObject equity = kite.getJsonObject("equity");
    BigDecimal net = decimal(equity, "net");
    BigDecimal debits =
        equity.get("utilised") instanceof JsonObject utilised
            ? decimal(utilised, "debits")
            : BigDecimal.ZERO;
    return new MarginsView(account, net.add(debits), net, debits);
  }

  private static BigDecimal decimal(JsonObject kite, String field) {
    JsonValue value = kite.get(field);
    return value instanceof JsonNumber number ? number.bigDecimalValue() : BigDecimal.ZERO;
  }
}
