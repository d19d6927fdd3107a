package io.tradebridge.orders.boundary;

import io.tradebridge.accounts.entity.TradingAccount;
import io.tradebridge.common.control.Ids;
import io.tradebridge.orders.entity.Order;
import io.tradebridge.orders.entity.PositionTotals;
import io.tradebridge.orders.entity.Trade;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Our own record of an account's orders and trades, kept by every adapter as its broker fills
 * orders: the paper exchange as it matches, a remote broker as its postbacks and look-ups report. A
 * fill is a trade and a move of the day's position totals, written together.
 */
@Stateless
public class OrderBook {

  @PersistenceContext EntityManager em;

  public List<OrderView> orders(TradingAccount account) {
    return em.createQuery(
            "SELECT o FROM Order o WHERE o.accountId = :accountId ORDER BY o.createdAt DESC",
            Order.class)
        .setParameter("accountId", account.id())
        .getResultStream()
        .map(OrderView::of)
        .toList();
  }

  public List<TradeView> trades(TradingAccount account) {
    return em.createQuery(
            "SELECT t FROM Trade t WHERE t.accountId = :accountId ORDER BY t.time DESC",
            Trade.class)
        .setParameter("accountId", account.id())
        .getResultStream()
        .map(TradeView::of)
        .toList();
  }

  /**
   * Records a fill the order has just taken. The caller holds the account's lock, so no one races
   * to create the day's totals row.
   */
  public void traded(Order order, int quantity, BigDecimal price, Instant now) {
    em.persist(new Trade(Ids.newId(), order, quantity, price, now));
    long day = Portfolio.tradingDay(now);
    PositionTotals totals = em.find(PositionTotals.class, PositionTotals.idOf(order, day));
    if (totals == null) {
      totals = new PositionTotals(order, day);
      em.persist(totals);
    }
    totals.add(order.side(), quantity, price);
  }
}
