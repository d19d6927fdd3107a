package io.tradebridge.orders.boundary;

import io.tradebridge.accounts.entity.TradingAccount;
import io.tradebridge.orders.entity.Order;
import io.tradebridge.orders.entity.OrderStatus;
import io.tradebridge.orders.entity.Sent;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps orders at remote brokers in step with the broker: one look at each such account's order
 * book at its broker, every 5 s for accounts with PENDING orders and every minute for the rest. A
 * PENDING order found there takes the broker's state; one not there after {@link #SETTLE_AFTER} was
 * never received and is marked so — it is never sent again. A working order whose fills or status
 * moved without a postback is updated. This is also how an order sent just before the server was
 * killed is settled once it runs again.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PendingOrders {

  private static final Logger LOG = Logger.getLogger(PendingOrders.class.getName());

  /**
   * Longer than any send may take (the broker call's time-out is 7 s), so an order still on its way
   * is never taken for lost before the broker could have it.
   */
  static final Duration SETTLE_AFTER = Duration.ofSeconds(10);

  @PersistenceContext EntityManager em;
  @Inject BrokerAnswers answers;
  @Inject Brokers brokers;
  @Inject Clock clock;

  /**
   * Every round looks at the accounts with PENDING orders; every {@code TRADEBRIDGE_BROKER_POLL_
   * SECONDS} (a minute by default) at every account with working orders. Postbacks carry the news
   * in the meantime; a broker's order book is the whole day's, and asking for it every 5 s per
   * account would cost the broker's rate limit and this server's time for little.
   */
  @Inject
  @ConfigProperty(name = "TRADEBRIDGE_BROKER_POLL_SECONDS", defaultValue = "60")
  long pollSeconds;

  private Instant lastFull = Instant.EPOCH;

  @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
  public void sync() {
    Instant now = clock.instant();
    boolean full = !now.isBefore(lastFull.plusSeconds(pollSeconds));
    if (full) {
      lastFull = now;
    }
    Map<String, List<Order>> byAccount = new LinkedHashMap<>();
    for (Order order :
        em.createQuery(
                "SELECT o FROM Order o WHERE o.broker IS NOT NULL AND o.status IN :working"
                    + " ORDER BY o.createdAt",
                Order.class)
            .setParameter(
                "working", full ? Order.WORKING_STATUSES : java.util.Set.of(OrderStatus.PENDING))
            .setMaxResults(1_000)
            .getResultList()) {
      byAccount.computeIfAbsent(order.accountId(), k -> new java.util.ArrayList<>()).add(order);
    }
    Instant settleBefore = clock.instant().minus(SETTLE_AFTER);
    byAccount.forEach((accountId, orders) -> sync(accountId, orders, settleBefore));
  }

  private void sync(String accountId, List<Order> orders, Instant settleBefore) {
    try {
      TradingAccount account = em.find(TradingAccount.class, accountId);
      Map<String, Sent.Accepted> book = brokers.of(account).orderBook(account, orders);
      for (Order order : orders) {
        Sent.Accepted there = book.get(order.id());
        if (there != null && moved(order, there)) {
          answers.record(order.id(), there);
        } else if (there == null
            && order.status() == OrderStatus.PENDING
            && order.updatedAt().isBefore(settleBefore)) {
          answers.record(order.id(), new Sent.NotFound());
        }
      }
    } catch (RuntimeException e) {
      // The broker unreachable, no session today: the orders wait for the next round.
      LOG.log(
          Level.FINE,
          "orders of account {0} could not be compared with the broker: {1}",
          new Object[] {accountId, e.toString()});
    }
  }

  private static boolean moved(Order order, Sent.Accepted there) {
    return order.status() != there.state().status()
        || order.filledQuantity() != there.state().filledQuantity()
        || !Objects.equals(order.brokerOrderId(), there.brokerOrderId());
  }
}
