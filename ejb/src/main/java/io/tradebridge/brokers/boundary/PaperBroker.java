package io.tradebridge.brokers.boundary;

import io.tradebridge.brokers.control.Instrument;
import io.tradebridge.brokers.control.PaperMatchingEngine;
import io.tradebridge.brokers.control.Quote;
import io.tradebridge.common.control.Ids;
import io.tradebridge.orders.entity.Order;
import io.tradebridge.orders.entity.Trade;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Applies the paper exchange's matching to orders: fills become trades, IOC rests are cancelled. */
@Stateless
public class PaperBroker {

  @PersistenceContext EntityManager em;
  @Inject PaperExchange exchange;
  @Inject Clock clock;

  private final PaperMatchingEngine engine = new PaperMatchingEngine();

  /** Matches a just-placed order against the market, in the placing transaction. */
  public void submit(Order order) {
    match(order);
  }

  public List<String> workingOrderIds() {
    return em.createNamedQuery(Order.WORKING, Order.class).setParameter("statuses", Order.WORKING_STATUSES)
        .getResultStream().map(Order::id).toList();
  }

  /** Matches one resting order in a transaction of its own, so one failure cannot hold up the rest. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void work(String orderId) {
    Order order = em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
    if (order != null && order.isWorking()) {
      match(order);
    }
  }

  private void match(Order order) {
    Instrument instrument = exchange.instrument(order.exchange(), order.symbol()).orElse(null);
    if (instrument == null) {
      order.reject("the instrument is no longer traded", clock.instant());
      return;
    }
    Quote quote = exchange.quote(instrument).orElseThrow();
    PaperMatchingEngine.Outcome outcome = engine.match(new PaperMatchingEngine.Working(order.side(), order.orderType(),
        order.quantity() - order.filledQuantity(), order.price(), order.triggerPrice(), order.triggered(),
        order.validity()), quote);
    Instant now = clock.instant();
    if (outcome.triggered() && order.isStop()) {
      order.trigger(now);
    }
    for (PaperMatchingEngine.Fill fill : outcome.fills()) {
      order.fill(fill.quantity(), fill.price(), now);
      em.persist(new Trade(Ids.newId(), order, fill.quantity(), fill.price(), now));
    }
    if (outcome.filledQuantity() > 0) {
      exchange.traded(instrument, outcome.filledQuantity());
    }
    if (outcome.cancelRemainder() && order.isWorking()) {
      order.cancel(order.filledQuantity() > 0
          ? "IOC: " + order.filledQuantity() + " filled, the rest cancelled for want of depth at the price"
          : "IOC: nothing could be filled at once at the price", now);
    }
  }
}
