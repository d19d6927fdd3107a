package io.tradebridge.orders.boundary;

import io.tradebridge.accounts.entity.TradingAccount;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.orders.entity.Order;
import io.tradebridge.orders.entity.OrderStatus;
import io.tradebridge.orders.entity.Sent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outbox's sending side (API.md, "Real brokers"): an order for a remote broker is durable and
 * PENDING when the desk's transaction commits; only then, on the request's own thread and outside
 * any transaction, is it sent, and the broker's answer written in a transaction of its own. An
 * answer that never came leaves the order PENDING for {@link PendingOrders} to settle by looking it
 * up, never by sending it again.
 */
@ApplicationScoped
public class RemoteOrders {

  @Inject BrokerAnswers answers;
  @Inject Brokers brokers;

  /** Sends every PENDING order among the outcomes; each answer replaces its outcome. */
  public List<Outcome> deliver(List<Outcome> outcomes) {
    List<Outcome> delivered = new ArrayList<>(outcomes.size());
    for (Outcome outcome : outcomes) {
      delivered.add(deliver(outcome));
    }
    return delivered;
  }

  private Outcome deliver(Outcome outcome) {
    if (!(outcome.placed() instanceof Placed.Accepted accepted)
        || accepted.repeated()
        || accepted.order().status() != OrderStatus.PENDING) {
      return outcome;
    }
    Optional<Order> pending = answers.pending(accepted.order().orderId());
    if (pending.isEmpty()) {
      return outcome;
    }
    Order order = pending.get();
    TradingAccount account = answers.account(order.accountId());
    Broker broker = brokers.of(account);
    Sent sent = broker.send(account, order);
    OrderView now = answers.record(order.id(), sent);
    if (sent instanceof Sent.Accepted) {
      return Outcome.of(Placed.placed(now, false));
    }
    return Outcome.refused(refusal(order, sent));
  }

  /** What the caller of an order hears when the broker did not take it. */
  private static TradebridgeException refusal(Order order, Sent sent) {
    if (sent instanceof Sent.Refused refused) {
      return TradebridgeException.orderRejected(refused.message());
    }
    if (sent instanceof Sent.RateLimited limited) {
      return TradebridgeException.rateLimited(
          1, "the broker refused the order for its rate limit (" + limited.message() + ")");
    }
    if (sent instanceof Sent.LoginRequired login) {
      return TradebridgeException.orderRejected(
          "account "
              + order.pseudoAccount()
              + " needs today's broker login ("
              + login.message()
              + "): use \"Log in to broker\" on the trading accounts page; nothing was placed");
    }
    if (sent instanceof Sent.NotSent notSent) {
      return TradebridgeException.brokerUnavailable(
          "the broker could not be reached (" + notSent.message() + "); nothing was placed");
    }
    if (sent instanceof Sent.Unknown unknown) {
      return TradebridgeException.brokerUnavailable(
          "the broker's answer was lost ("
              + unknown.message()
              + "); order "
              + order.id()
              + " is PENDING and is being settled by looking it up at the broker — do not send it"
              + " again");
    }
    return TradebridgeException.orderRejected("the broker never received the order");
  }
}
