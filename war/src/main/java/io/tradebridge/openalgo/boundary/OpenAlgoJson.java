package io.tradebridge.openalgo.boundary;

import io.tradebridge.market.control.Quote;
import io.tradebridge.openalgo.control.OpenAlgoWords;
import io.tradebridge.orders.boundary.OrderView;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** OpenAlgo's shapes for our views: its field names, and numbers printed as it prints them. */
final class OpenAlgoJson {

  private OpenAlgoJson() {}

  static JsonObjectBuilder order(OrderView o) {
    return Json.createObjectBuilder()
        .add("action", o.side().name())
        .add("symbol", OpenAlgoWords.openAlgoSymbol(o.symbol()))
        .add("exchange", o.exchange())
        .add("orderid", o.orderId())
        .add("product", OpenAlgoWords.product(o.productType()))
        .add("quantity", String.valueOf(o.quantity()))
        .add("price", number(orZero(o.price())))
        .add("pricetype", OpenAlgoWords.pricetype(o.orderType()))
        .add("order_status", OpenAlgoWords.orderStatus(o.status()))
        .add("trigger_price", number(orZero(o.triggerPrice())))
        .add("timestamp", OpenAlgoWords.timestamp(o.createdAt()));
  }

  static JsonObjectBuilder level(Quote.Level l) {
    return Json.createObjectBuilder().add("price", number(l.price())).add("quantity", l.quantity());
  }

  static double count(List<OrderView> book, java.util.function.Predicate<OrderView> which) {
    return book.stream().filter(which).count();
  }

  static BigDecimal orZero(BigDecimal value) {
    return value == null ? BigDecimal.ZERO : value;
  }

  /** A JSON number as OpenAlgo prints one: a float with at least one decimal. */
  static BigDecimal number(BigDecimal value) {
    BigDecimal v = orZero(value).stripTrailingZeros();
    return v.scale() < 1 ? v.setScale(1) : v;
  }

  /** A string with two decimals, as OpenAlgo prints money in its funds and positions. */
  static String money(BigDecimal value) {
    return orZero(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  static BigDecimal percent(BigDecimal part, BigDecimal whole) {
    return whole.signum() == 0
        ? BigDecimal.ZERO
        : part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_UP);
  }
}
