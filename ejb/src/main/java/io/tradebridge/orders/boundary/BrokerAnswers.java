package io.tradebridge.orders.boundary;

import io.tradebridge.accounts.entity.BrokerName;
import io.tradebridge.accounts.entity.TradingAccount;
import io.tradebridge.common.control.Ids;
import io.tradebridge.orders.entity.ElsewhereOrder;
import io.tradebridge.orders.entity.Order;
import io.tradebridge.orders.entity.OrderStatus;
import io.tradebridge.orders.entity.Sent;
import io.tradebridge.orders.entity.Variety;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Writes down what a remote broker said about an order — the answer to sending it, a look-up, a
 * postback — each in a short transaction of its own, taking the account's lock and then the
 * order's, the order every writer takes them in. Fills go to the {@link OrderBook}.
 */
@Stateless
public class BrokerAnswers {

  @PersistenceContext EntityManager em;
  @Inject OrderBook book;
  @Inject Clock clock;

  /** The order as the desk wrote it, and its account, read for sending. */
  public Optional<Order> pending(String orderId) {
    Order order = em.find(Order.class, orderId);
    return order != null && order.status() == OrderStatus.PENDING
        ? Optional.of(order)
        : Optional.empty();
  }

  /**
   * The order a broker's news is about: by the broker's id for it, or — when the news overtook the
   * answer to the placement and the order is still PENDING without that id — by the tag it was sent
   * with ({@code tagOf} turns our order id into that broker's tag). Empty when it is not ours.
   */
  public Optional<Order> sentTo(
      BrokerName broker,
      String brokerOrderId,
      String tag,
      java.util.function.UnaryOperator<String> tagOf) {
    Optional<Order> byId =
        em.createNamedQuery(Order.BY_BROKER_ORDER_ID, Order.class)
            .setParameter("broker", broker)
            .setParameter("brokerOrderId", brokerOrderId)
            .getResultStream()
            .findFirst();
    if (byId.isPresent() || tag == null || !tag.startsWith("tb")) {
      return byId;
    }
    return em.createQuery(
            "SELECT o FROM Order o WHERE o.status = :pending AND o.broker = :broker", Order.class)
        .setParameter("pending", OrderStatus.PENDING)
        .setParameter("broker", broker)
        .getResultStream()
        .filter(o -> tagOf.apply(o.id()).equals(tag))
        .findFirst();
  }

  public TradingAccount account(String accountId) {
    return em.find(TradingAccount.class, accountId);
  }

  /** Records the outcome of sending or looking up an order; returns the order as it now stands. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public OrderView record(String orderId, Sent sent) {
    Order order = locked(orderId);
    Instant now = clock.instant();
    if (sent instanceof Sent.Accepted accepted) {
      apply(order, accepted.brokerOrderId(), accepted.state(), now);
    } else if (sent instanceof Sent.Refused refused) {
      order.reject(refused.message(), now);
    } else if (sent instanceof Sent.RateLimited limited) {
      order.reject("not placed: " + limited.message(), now);
    } else if (sent instanceof Sent.LoginRequired login) {
      order.reject("not sent: " + login.message(), now);
    } else if (sent instanceof Sent.NotSent notSent) {
      order.reject("not sent: " + notSent.message(), now);
    } else if (sent instanceof Sent.NotFound) {
      order.reject(
          "the broker never received this order (nothing was placed); send it again if you"
              + " still want it",
          now);
    } else if (sent instanceof Sent.Unknown unknown) {
      order.brokerReports(
          null,
          OrderStatus.PENDING,
          order.filledQuantity(),
          null,
          "sent; the broker's answer was lost ("
              + unknown.message()
              + "): being settled by looking it up",
          now);
    }
    return OrderView.of(order);
  }

  /** A broker's report (a postback, a poll) on an order it has, found by our id. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public OrderView report(String orderId, String brokerOrderId, Sent.BrokerState state) {
    Order order = locked(orderId);
    apply(order, brokerOrderId, state, clock.instant());
    return OrderView.of(order);
  }

  /**
   * An order the broker holds that we did not send: written into our book the first time it is seen
   * (as the account's, with no key), changed as the broker changed it since. Returns whether
   * anything was written — an order seen again unchanged writes nothing, so it is not news to
   * whoever follows the book.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean adopt(TradingAccount account, ElsewhereOrder seen) {
    TradingAccount locked =
        em.find(TradingAccount.class, account.id(), LockModeType.PESSIMISTIC_WRITE);
    Instant now = clock.instant();
    Optional<Order> known =
        em.createNamedQuery(Order.BY_BROKER_ORDER_ID, Order.class)
            .setParameter("broker", locked.broker())
            .setParameter("brokerOrderId", seen.brokerOrderId())
            .getResultStream()
            .findFirst();
    if (known.isEmpty()) {
      Order order =
          new Order(
              Ids.newId(),
              locked.userId(),
              locked.id(),
              locked.pseudoAccount(),
              null,
              null,
              seen.exchange(),
              seen.symbol(),
              seen.side(),
              seen.quantity(),
              seen.orderType(),
              seen.productType(),
              seen.price(),
              seen.triggerPrice(),
              Variety.REGULAR,
              seen.validity(),
              null,
              "placed at the broker, not through Tradebridge",
              now);
      order.awaitingBroker(locked.broker(), now);
      em.persist(order);
      apply(order, seen.brokerOrderId(), seen.state(), now);
      return true;
    }
    Order order = known.get();
    if (!order.accountId().equals(locked.id()) || !order.isWorking()) {
      return false;
    }
    em.refresh(order, LockModeType.PESSIMISTIC_WRITE);
    boolean changed =
        order.orderType() != seen.orderType()
            || order.quantity() != seen.quantity()
            || !same(order.price(), seen.price())
            || !same(order.triggerPrice(), seen.triggerPrice());
    if (changed && seen.state().status() != OrderStatus.CANCELLED) {
      order.modify(seen.orderType(), seen.quantity(), seen.price(), seen.triggerPrice(), now);
    }
    boolean moved =
        order.status() != seen.state().status()
            || order.filledQuantity() != seen.state().filledQuantity();
    if (moved) {
      apply(order, seen.brokerOrderId(), seen.state(), now);
    }
    return changed || moved;
  }

  private static boolean same(java.math.BigDecimal a, java.math.BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }

  private void apply(Order order, String brokerOrderId, Sent.BrokerState state, Instant now) {
    if (!order.isWorking()) {
      // A late or repeated report about an order that has ended changes nothing.
      return;
    }
    Order.Fill fill =
        order.brokerReports(
            brokerOrderId,
            state.status(),
            state.filledQuantity(),
            state.averagePrice(),
            state.message(),
            now);
    if (fill != null) {
      book.traded(order, fill.quantity(), fill.price(), now);
    }
  }

  private Order locked(String orderId) {
    Order peek = em.find(Order.class, orderId);
    em.find(TradingAccount.class, peek.accountId(), LockModeType.PESSIMISTIC_WRITE);
    em.refresh(peek, LockModeType.PESSIMISTIC_WRITE);
    return peek;
  }
}
