package io.tradebridge.brokers.upstox.boundary;

import io.tradebridge.accounts.boundary.BrokerSessions;
import io.tradebridge.accounts.entity.BrokerName;
import io.tradebridge.accounts.entity.TradingAccount;
import io.tradebridge.brokers.control.OrderTag;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.orders.boundary.BrokerAnswers;
import io.tradebridge.orders.entity.Order;
import io.tradebridge.orders.entity.Sent;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * Upstox's order-update webhooks (POST /api/v1/brokers/UPSTOX/postback). Upstox does not sign them,
 * so a webhook is only news that an order changed: the order is looked up at Upstox with the
 * account's own session, and only Upstox's answer is written down. A forged webhook costs one
 * look-up and changes nothing Upstox does not confirm.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UpstoxWebhooks {

  @Inject BrokerSessions sessions;
  @Inject BrokerAnswers answers;
  @Inject UpstoxBroker upstox;

  /** Returns whether the webhook was about one of our orders. */
  public boolean receive(JsonObject webhook) {
    String upstoxOrderId = text(webhook, "order_id");
    if (upstoxOrderId == null || upstoxOrderId.isBlank() || upstoxOrderId.length() > 64) {
      throw TradebridgeException.validation("order_id", "is required in an Upstox webhook");
    }
    Optional<Order> ours =
        answers.sentTo(BrokerName.UPSTOX, upstoxOrderId, text(webhook, "tag"), OrderTag::of);
    if (ours.isEmpty()) {
      return false;
    }
    Order order = ours.get();
    TradingAccount account = sessions.account(order.accountId());
    Optional<Sent.Accepted> atUpstox = upstox.lookUp(account, upstoxOrderId);
    atUpstox.ifPresent(now -> answers.report(order.id(), now.brokerOrderId(), now.state()));
    return true;
  }

  private static String text(JsonObject object, String name) {
    JsonValue value = object.get(name);
    return value != null && value.getValueType() == JsonValue.ValueType.STRING
        ? object.getString(name)
        : null;
  }
}
