package io.tradebridge.orders.boundary;

import io.tradebridge.accounts.entity.TradingAccount;
import io.tradebridge.orders.entity.Order;
import io.tradebridge.orders.entity.OrderStatus;
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
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Settles orders a remote broker may or may not have: every few seconds each PENDING order older
 * than its sending time is looked up at its broker by the tag it was sent with. Found, it takes the
 * broker's state; not there, it is marked as never received. It is never sent again. This is also
 * how an order sent just before the server was killed is settled when it starts again.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PendingOrders {

  private static final Logger LOG = Logger.getLogger(PendingOrders.class.getName());

  /**
   * Longer than any send may take (the broker call's time-out is 7 s), so an order still on its way
   * is never looked up before the broker could have it.
   */
  static final Duration SETTLE_AFTER = Duration.ofSeconds(10);

  @PersistenceContext EntityManager em;
  @Inject BrokerAnswers answers;
  @Inject Brokers brokers;
  @Inject Clock clock;

  @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
  public void settle() {
    List<Order> pending =
        em.createQuery(
                "SELECT o FROM Order o WHERE o.status = :pending AND o.updatedAt < :before"
                    + " ORDER BY o.createdAt",
                Order.class)
            .setParameter("pending", OrderStatus.PENDING)
            .setParameter("before", clock.instant().minus(SETTLE_AFTER))
            .setMaxResults(100)
            .getResultList();
    for (Order order : pending) {
      try {
        TradingAccount account = em.find(TradingAccount.class, order.accountId());
        Sent found = brokers.of(account).lookUp(account, order);
        if (found instanceof Sent.Accepted || found instanceof Sent.NotFound) {
          answers.record(order.id(), found);
        }
        // Anything else (the broker unreachable, no session): try again on the next round.
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "pending order {0} could not be looked up: {1}",
            new Object[] {order.id(), e.toString()});
      }
    }
  }
}
