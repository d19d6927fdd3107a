package io.tradebridge.brokers.kite.control;

import io.tradebridge.orders.entity.OrderStatus;
import io.tradebridge.orders.entity.Sent;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.Set;

/**
 * An order as Kite describes it — in its order book and in a postback, which share one shape — read
 * into our state: status, the running total filled, its average price, and Kite's message.
 */
public final class KiteOrderState {

  private static final Set<String> OUR_WORDS =
      Set.of("OPEN", "COMPLETE", "CANCELLED", "REJECTED", "TRIGGER PENDING");

  private KiteOrderState() {}

  public static Sent.BrokerState of(JsonObject kiteOrder) {
    String kiteStatus = text(kiteOrder, "status");
    OrderStatus status = KiteOrders.status(kiteStatus);
    int filled = kiteOrder.getInt("filled_quantity", 0);
    BigDecimal average = number(kiteOrder, "average_price");
    String message = text(kiteOrder, "status_message");
    if (message == null && kiteStatus != null && !OUR_WORDS.contains(kiteStatus)) {
      // Kite's in-between states ("MODIFY PENDING", "AMO REQ RECEIVED") are working orders to us.
      message = "Kite: " + kiteStatus;
    }
    return new Sent.BrokerState(
        status,
        filled,
        filled > 0 && average != null && average.signum() > 0 ? average : null,
        message);
  }

  static String text(JsonObject object, String name) {
    JsonValue value = object.get(name);
    return value != null && value.getValueType() == JsonValue.ValueType.STRING
        ? object.getString(name)
        : null;
  }

  static BigDecimal number(JsonObject object, String name) {
    return object.get(name) instanceof JsonNumber n ? n.bigDecimalValue() : null;
  }
}
