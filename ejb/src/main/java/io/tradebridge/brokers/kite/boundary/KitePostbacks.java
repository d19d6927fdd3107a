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
import io.tradebridge.orders.entity.OrderStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * Kite's postbacks (POST /api/v1/brokers/KITE/postback): Kite posts an order's new state, signed
 * with SHA-256(order id + order timestamp + api secret). The signature is checked against the
 * secret of the account the order belongs to before anything changes; a wrong one is 401.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class KitePostbacks {

  @PersistenceContext EntityManager em;
  @Inject BrokerSessions sessions;
  @Inject BrokerAnswers answers;

  /** Returns whether the postback was about one of our orders (others are not ours to keep). */
  public boolean receive(JsonObject postback) {
    String kiteOrderId = text(postback, "order_id");
    if (kiteOrderId == null) {
      throw TradebridgeException.validation("order_id", "is required in a Kite postback");
    }
    Optional<Order> ours = byKiteId(kiteOrderId).or(() -> byTag(text(postback, "tag")));
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

  private Optional<Order> byKiteId(String kiteOrderId) {
    return em.createNamedQuery(Order.BY_BROKER_ORDER_ID, Order.class)
        .setParameter("broker", BrokerName.KITE)
        .setParameter("brokerOrderId", kiteOrderId)
        .getResultStream()
        .findFirst();
  }

  /**
   * A postback can overtake the answer to the placement itself: the order is still PENDING, with no
   * Kite id yet, and only the tag it was sent with names it.
   */
  private Optional<Order> byTag(String tag) {
    if (tag == null || !tag.startsWith("tb")) {
      return Optional.empty();
    }
    return em.createQuery(
            "SELECT o FROM Order o WHERE o.status = :pending AND o.broker = :broker", Order.class)
        .setParameter("pending", OrderStatus.PENDING)
        .setParameter("broker", BrokerName.KITE)
        .getResultStream()
        .filter(o -> KiteOrders.tag(o.id()).equals(tag))
        .findFirst();
  }

  private static String text(JsonObject object, String name) {
    JsonValue value = object.get(name);
    return value != null && value.getValueType() == JsonValue.ValueType.STRING
        ? object.getString(name)
        : null;
  }
}
