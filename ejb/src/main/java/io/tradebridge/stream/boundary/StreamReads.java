package io.tradebridge.stream.boundary;

import io.tradebridge.orders.boundary.OrderView;
import io.tradebridge.orders.boundary.Portfolio;
import io.tradebridge.orders.boundary.PositionView;
import io.tradebridge.orders.entity.Order;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the stream reads, each in a short transaction of its own. */
@Stateless
public class StreamReads {

  /** An order as it was read: its view on the wire, and the version that tells it changed. */
  public record SeenOrder(String userId, String id, long version, OrderView view) {}

  @PersistenceContext EntityManager em;
  @Inject Portfolio portfolio;

  /** Trading account id → its owner, for these users. */
  public Map<String, String> accountsOf(Collection<String> userIds) {
    Map<String, String> owners = new HashMap<>();
    if (userIds.isEmpty()) {
      return owners;
    }
    List<Object[]> rows =
        em.createQuery(
                "SELECT a.id, a.userId FROM TradingAccount a WHERE a.userId IN :users",
                Object[].class)
            .setParameter("users", userIds)
            .getResultList();
    rows.forEach(r -> owners.put((String) r[0], (String) r[1]));
    return owners;
  }

  /** The orders of these accounts written since {@code since}, oldest first. */
  public List<SeenOrder> changed(Collection<String> accountIds, Instant since) {
    List<SeenOrder> seen = new ArrayList<>();
    if (accountIds.isEmpty()) {
      return seen;
    }
    for (Order o :
        em.createNamedQuery(Order.CHANGED_IN_ACCOUNTS, Order.class)
            .setParameter("accountIds", accountIds)
            .setParameter("since", since)
            .getResultList()) {
      seen.add(new SeenOrder(o.userId(), o.id(), o.version(), OrderView.of(o)));
    }
    return seen;
  }

  /** The user's open positions across accounts, as GET /api/v1/positions shows them. */
  public List<PositionView> positions(String userId) {
    return portfolio.positions(userId, null, Portfolio.Category.NET);
  }
}
