package io.tradebridge.brokers.kite.boundary;

import io.tradebridge.accounts.boundary.BrokerSessions;
import io.tradebridge.accounts.entity.BrokerName;
import io.tradebridge.accounts.entity.TradingAccount;
import io.tradebridge.brokers.kite.control.KiteChecksum;
import io.tradebridge.brokers.kite.control.KiteOrderState;
import io.tradebridge.brokers.kite.control.KiteOrders;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.orders.boundary.BrokerAnswers;
import io.tradebridge.orders.entity.Order;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * Kite's postbacks (POST /api/v1/brokers/KITE/postback): Kite posts an order's new state, signed
 * with SHA-256(order id + order timestamp + api secret). The signature is checked against the
 * secret of the account the order belongs to before anything changes; a wrong one is 401.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class KitePostbacks {

  @Inject BrokerSessions sessions;
  @Inject BrokerAnswers answers;

  /** Returns whether the postback was about one of our orders (others are not ours to keep). */
  public boolean receive(JsonObject postback) {
    String kiteOrderId = text(postback, "order_id");
    if (kiteOrderId == null) {
      throw TradebridgeException.validation("order_id", "is required in a Kite postback");
    }
    Optional<Order> ours =
        answers.sentTo(BrokerName.KITE, kiteOrderId, text(postback, "tag"), KiteOrders::tag);
    if (ours.isEmpty()) {
      return false;
    }
    Order order = ours.get();
    TradingAccount account = sessions.account(order.accountId());
    String secret = sessions.credentials(account).get("apiSecret");
    String timestamp = text(postback, "order_timestamp");
    String expected =
        KiteChecksum.of(
            kiteOrderId, timestamp == null ? "" : timestamp, secret == null ? "" : secret);
    if (secret == null || !KiteChecksum.matches(expected, text(postback, "checksum"))) {
      throw TradebridgeException.unauthenticated();
    }
    answers.report(order.id(), kiteOrderId, KiteOrderState.of(postback));
    return true;
  }

  private static String text(JsonObject object, String name) {
    JsonValue value = object.get(name);
    return value != null && value.getValueType() == JsonValue.ValueType.STRING
        ? object.getString(name)
        : null;
  }
}
