package io.tradebridge.brokers.kite.control;

import io.tradebridge.brokers.control.OrderTag;
import io.tradebridge.brokers.control.OrderTypeWords;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.orders.entity.ElsewhereOrder;
import io.tradebridge.orders.entity.Order;
import io.tradebridge.orders.entity.OrderChange;
import io.tradebridge.orders.entity.OrderStatus;
import io.tradebridge.orders.entity.OrderType;
import io.tradebridge.orders.entity.ProductType;
import io.tradebridge.orders.entity.Side;
import io.tradebridge.orders.entity.Validity;
import io.tradebridge.orders.entity.Variety;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BinaryOperator;

/**
 * Our order in Kite's words (Kite Connect v3, "Orders"): the form fields of a placement, the
 * variety in its path, the tag it is found again by, and Kite's order states in ours.
 */
public final class KiteOrders {

  public static final String NO_BRACKET_ORDERS =
      "Kite no longer takes bracket orders (BO); place the entry and its exits as separate"
          + " orders, or a cover order (CO)";

  /** The tag an order is sent with and looked up by ({@link OrderTag}). */
  public static String tag(String orderId) {
    return OrderTag.of(orderId);
  }

  /** The path segment of a placement; Kite has no bracket orders any more (since 2020). */
  public static String variety(Order order) {
    Variety variety = order.variety();
    if (variety == Variety.BO) {
      throw TradebridgeException.orderRejected(NO_BRACKET_ORDERS);
    }
    return variety == Variety.CO ? "co" : "regular";
  }

  /** The form of POST /orders/{variety}; {@code kiteSymbol} is the instrument's name at Kite. */
  public static Map<String, String> placement(Order order, String kiteSymbol) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("exchange", order.exchange());
    form.put("tradingsymbol", kiteSymbol);
    form.put("transaction_type", order.side().name());
    form.put("order_type", OrderTypeWords.of(order.orderType()));
    form.put("quantity", String.valueOf(order.quantity()));
    form.put("product", product(order.productType()));
    form.put("validity", order.validity() == Validity.IOC ? "IOC" : "DAY");
    if (order.price() != null) {
      form.put("price", order.price().toPlainString());
    }
    if (order.triggerPrice() != null) {
      form.put("trigger_price", order.triggerPrice().toPlainString());
    }
    form.put("tag", tag(order.id()));
    return form;
  }

  /** The form of PUT /orders/{variety}/{order_id}: what a modification may change. */
  public static Map<String, String> modification(Order order, OrderChange change) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("order_type", OrderTypeWords.of(change.type()));
    form.put("quantity", String.valueOf(change.quantity()));
    form.put("price", change.price() == null ? "0" : change.price().toPlainString());
    form.put("trigger_price", change.trigger() == null ? "0" : change.trigger().toPlainString());
    form.put("validity", order.validity() == Validity.IOC ? "IOC" : "DAY");
    return form;
  }

  static String product(ProductType product) {
    switch (product) {
      case INTRADAY:
        return "MIS";
      case DELIVERY:
        return "CNC";
      default:
        return "NRML";
    }
  }

  /**
   * Kite's order status in ours. Kite passes an order through states of its own on the way ("PUT
   * ORDER REQ RECEIVED", "VALIDATION PENDING", "OPEN PENDING", "MODIFY PENDING", …): each is a
   * working order to us, shown with Kite's word in the status message.
   */
  /** Kite's product in our words; null for one we do not trade (e.g. MTF). */
  public static ProductType productOf(String kite) {
    return switch (kite == null ? "" : kite) {
      case "MIS", "CO", "BO" -> ProductType.INTRADAY;
      case "CNC" -> ProductType.DELIVERY;
      case "NRML" -> ProductType.NORMAL;
      default -> null;
    };
  }

  public static OrderStatus status(String kite) {
    String s = kite == null ? "" : kite.trim().toUpperCase(Locale.ROOT);
    switch (s) {
      case "COMPLETE":
        return OrderStatus.COMPLETE;
      case "CANCELLED":
        return OrderStatus.CANCELLED;
      case "REJECTED":
        return OrderStatus.REJECTED;
      case "TRIGGER PENDING":
        return OrderStatus.TRIGGER_PENDING;
      default:
        return OrderStatus.OPEN;
    }
  }

  /**
   * A row of Kite's order book that Tradebridge did not send (no tag of ours), in our words; empty
   * for ours, for a bracket or cover leg (Kite makes those itself), and for what we do not trade.
   *
   * @param ourSymbol Kite's symbol on an exchange to ours
   */
  public static Optional<ElsewhereOrder> elsewhere(
      JsonObject row, BinaryOperator<String> ourSymbol) {
    String tag = row.get("tag") instanceof JsonString t ? t.getString() : null;
    boolean leg = row.containsKey("parent_order_id") && !row.isNull("parent_order_id");
    if (OrderTag.isOurs(tag) || leg) {
      return Optional.empty();
    }
    OrderType type = OrderTypeWords.ours(row.getString("order_type", ""));
    ProductType product = productOf(row.getString("product", ""));
    String side = row.getString("transaction_type", "");
    if (type == null || product == null || !(side.equals("BUY") || side.equals("SELL"))) {
      return Optional.empty();
    }
    String exchange = row.getString("exchange", "");
    return Optional.of(
        new ElsewhereOrder(
            row.getString("order_id"),
            exchange,
            ourSymbol.apply(exchange, row.getString("tradingsymbol", "")),
            Side.valueOf(side),
            row.getInt("quantity", 0),
            type,
            product,
            priceOrNull(KiteOrderState.number(row, "price")),
            priceOrNull(KiteOrderState.number(row, "trigger_price")),
            "IOC".equals(row.getString("validity", "DAY")) ? Validity.IOC : Validity.DAY,
            KiteOrderState.of(row)));
  }

  /** Kite's price fields are numbers, 0 when there is none. */
  public static BigDecimal priceOrNull(BigDecimal value) {
    return value == null || value.signum() == 0 ? null : value;
  }
}
