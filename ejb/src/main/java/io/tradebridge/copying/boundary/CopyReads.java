package io.tradebridge.copying.boundary;

import io.tradebridge.copying.entity.CopyRecord;
import io.tradebridge.copying.entity.CopyRule;
import io.tradebridge.orders.entity.Order;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** What the copier reads, each in a short transaction of its own. */
@Stateless
public class CopyReads {

  /** How many ids an IN list carries at once: Derby and PostgreSQL take far more, plans do not. */
  private static final int CHUNK = 500;

  @PersistenceContext EntityManager em;

  public List<CopyRule> rules() {
    return em.createNamedQuery(CopyRule.ALL, CopyRule.class).getResultList();
  }

  /** The masters' orders written since {@code since}, oldest first. */
  public List<Order> changed(Collection<String> accountIds, Instant since) {
    return em.createNamedQuery(Order.CHANGED_IN_ACCOUNTS, Order.class)
        .setParameter("accountIds", accountIds)
        .setParameter("since", since)
        .getResultList();
  }

  public List<Order> copiesOf(List<String> masterIds) {
    return chunked(masterIds, Order.COPIES_OF, Order.class);
  }

  public List<CopyRecord> placedFor(List<String> masterIds) {
    return chunked(masterIds, CopyRecord.PLACED_FOR, CopyRecord.class);
  }

  private <T> List<T> chunked(List<String> ids, String query, Class<T> type) {
    List<T> all = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      all.addAll(
          em.createNamedQuery(query, type)
              .setParameter("masterIds", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
              .getResultList());
    }
    return all;
  }
}
