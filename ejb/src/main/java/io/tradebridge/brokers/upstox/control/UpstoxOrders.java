package io.tradebridge.brokers.upstox.control;

import io.tradebridge.brokers.control.OrderTag;
import io.tradebridge.brokers.control.OrderTypeWords;
import io.tradebridge.orders.entity.ElsewhereOrder;
import io.tradebridge.orders.entity.Order;
import io.tradebridge.orders.entity.OrderChange;
import io.tradebridge.orders.entity.OrderStatus;
import io.tradebridge.orders.entity.OrderType;
import io.tradebridge.orders.entity.ProductType;
import io.tradebridge.orders.entity.Sent;
import io.tradebridge.orders.entity.Side;
import io.tradebridge.orders.entity.Validity;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Our order in Upstox's words (API v2, "Orders"): the JSON of a placement and of a modification,
 * and Upstox's order states in ours. Upstox names an instrument by its key ({@code
 * NSE_EQ|INE062A01020}), a product by a letter ({@code I} intraday, {@code D} delivery and carried
 * F&amp;O), and writes its statuses in lower case.
 */
public final class UpstoxOrders {

  public static final String ONLY_REGULAR =
      "this version sends only regular orders to Upstox: place bracket (BO) and cover (CO) orders"
          + " as separate orders";

  private static final Set<String> OUR_WORDS =
      Set.of("open", "complete", "cancelled", "rejected", "trigger pending");

  private UpstoxOrders() {}

  /** The body of POST /v2/order/place. */
  public static JsonObject placement(Order order, String instrumentKey) {
    return Json.createObjectBuilder()
        .add("quantity", order.quantity())
        .add("product", product(order.productType()))
        .add("validity", order.validity() == Validity.IOC ? "IOC" : "DAY")
        .add("price", orZero(order.price()))
        .add("tag", OrderTag.of(order.id()))
        .add("instrument_token", instrumentKey)
        .add("order_type", OrderTypeWords.of(order.orderType()))
        .add("transaction_type", order.side().name())
        .add("disclosed_quantity", 0)
        .add("trigger_price", orZero(order.triggerPrice()))
        .add("is_amo", false)
        .build();
  }

  /** The body of PUT /v2/order/modify: what a modification may change, and whose order. */
  public static JsonObject modification(Order order, String upstoxOrderId, OrderChange change) {
    return Json.createObjectBuilder()
        .add("quantity", change.quantity())
        .add("validity", order.validity() == Validity.IOC ? "IOC" : "DAY")
        .add("price", orZero(change.price()))
        .add("order_id", upstoxOrderId)
        .add("order_type", OrderTypeWords.of(change.type()))
        .add("disclosed_quantity", 0)
        .add("trigger_price", orZero(change.trigger()))
        .build();
  }

  /** Upstox carries F&amp;O overnight under D, as it does delivery. */
  static String product(ProductType product) {
    return product == ProductType.INTRADAY ? "I" : "D";
  }

  /** Upstox's product in our words; D is delivery on a cash segment and NORMAL on F&amp;O. */
  public static ProductType productOf(String upstox, String ourExchange) {
    if ("I".equals(upstox) || "CO".equals(upstox)) {
      return ProductType.INTRADAY;
    }
    if ("D".equals(upstox)) {
      return "NSE".equals(ourExchange) || "BSE".equals(ourExchange)
          ? ProductType.DELIVERY
          : ProductType.NORMAL;
    }
    return null;
  }

  /**
   * Upstox's status in ours. Its in-between states ("put order req received", "validation pending",
   * "modify pending", …) are working orders to us, shown with Upstox's word.
   */
  public static OrderStatus status(String upstox) {
    return switch (upstox == null ? "" : upstox.trim().toLowerCase(Locale.ROOT)) {
      case "complete" -> OrderStatus.COMPLETE;
      case "cancelled" -> OrderStatus.CANCELLED;
      case "rejected" -> OrderStatus.REJECTED;
      case "trigger pending" -> OrderStatus.TRIGGER_PENDING;
      default -> OrderStatus.OPEN;
    };
  }

  /**
   * A row of Upstox's order book that Tradebridge did not send (no tag of ours), in our words;
   * empty for ours, for a leg of another order, and for what we do not trade.
   *
   * @param ourSymbol Upstox's instrument key to our exchange and symbol, null when not listed
   */
  public static Optional<ElsewhereOrder> elsewhere(
      JsonObject row, Function<String, String[]> ourSymbol) {
    boolean leg = row.containsKey("parent_order_id") && !row.isNull("parent_order_id");
    if (OrderTag.isOurs(text(row, "tag")) || leg) {
      return Optional.empty();
    }
    String[] ours = ourSymbol.apply(row.getString("instrument_token", ""));
    OrderType type = OrderTypeWords.ours(text(row, "order_type"));
    String side = text(row, "transaction_type");
    if (ours == null || type == null || !("BUY".equals(side) || "SELL".equals(side))) {
      return Optional.empty();
    }
    ProductType product = productOf(text(row, "product"), ours[0]);
    if (product == null) {
      return Optional.empty();
    }
    return Optional.of(
        new ElsewhereOrder(
            row.getString("order_id"),
            ours[0],
            ours[1],
            Side.valueOf(side),
            row.getInt("quantity", 0),
            type,
            product,
            positiveOrNull(row, "price"),
            positiveOrNull(row, "trigger_price"),
            "IOC".equals(text(row, "validity")) ? Validity.IOC : Validity.DAY,
            state(row)));
  }

  private static BigDecimal positiveOrNull(JsonObject row, String field) {
    return row.get(field) instanceof JsonNumber n && n.bigDecimalValue().signum() > 0
        ? n.bigDecimalValue()
        : null;
  }

  /** An order as Upstox describes it (order book, order details): our state of it. */
  public static Sent.BrokerState state(JsonObject upstox) {
    String upstoxStatus = text(upstox, "status");
    int filled = upstox.getInt("filled_quantity", 0);
    BigDecimal average =
        upstox.get("average_price") instanceof JsonNumber n ? n.bigDecimalValue() : null;
    String message = text(upstox, "status_message");
    if ((message == null || message.isBlank())
        && upstoxStatus != null
        && !OUR_WORDS.contains(upstoxStatus.toLowerCase(Locale.ROOT))) {
      message = "Upstox: " + upstoxStatus;
    }
    return new Sent.BrokerState(
        status(upstoxStatus),
        filled,
        filled > 0 && average != null && average.signum() > 0 ? average : null,
        message == null || message.isBlank() ? null : message);
  }

  static String text(JsonObject object, String name) {
    JsonValue value = object.get(name);
    return value != null && value.getValueType() == JsonValue.ValueType.STRING
        ? object.getString(name)
        : null;
  }

  private static BigDecimal orZero(BigDecimal value) {
    return value == null ? BigDecimal.ZERO : value;
  }
}
