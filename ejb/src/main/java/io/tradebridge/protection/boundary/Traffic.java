package io.tradebridge.protection.boundary;

import io.tradebridge.common.control.FieldChecks;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.protection.entity.TrafficEntry;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;

/**
 * Reads a user's own traffic log, newest first, a page at a time. Pages are keyed on the last line
 * seen ({@code before}), so lines written meanwhile never shift a page.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Traffic {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;

  @PersistenceContext EntityManager em;

  public List<TrafficView> list(
      String userId, Instant since, String keyId, Integer limit, Long before) {
    int rows = limit == null ? DEFAULT_LIMIT : limit;
    new FieldChecks()
        .that(rows >= 1 && rows <= MAX_LIMIT, "limit", "must be between 1 and " + MAX_LIMIT)
        .orThrow();
    StringBuilder jpql = new StringBuilder("SELECT t FROM TrafficEntry t WHERE t.userId = :userId");
    TrafficEntry after = null;
    if (before != null) {
      after = em.find(TrafficEntry.class, before);
      if (after == null || !after.userId().equals(userId)) {
        throw TradebridgeException.validation("before", "is not a line of your traffic log");
      }
      jpql.append(" AND (t.time < :beforeTime OR (t.time = :beforeTime AND t.id < :beforeId))");
    }
    if (since != null) {
      jpql.append(" AND t.time >= :since");
    }
    if (keyId != null) {
      jpql.append(" AND t.keyId = :keyId");
    }
    jpql.append(" ORDER BY t.time DESC, t.id DESC");
    TypedQuery<TrafficEntry> query =
        em.createQuery(jpql.toString(), TrafficEntry.class)
            .setParameter("userId", userId)
            .setMaxResults(rows);
    if (after != null) {
      query.setParameter("beforeTime", after.time()).setParameter("beforeId", after.id());
    }
    if (since != null) {
      query.setParameter("since", since);
    }
    if (keyId != null) {
      query.setParameter("keyId", keyId);
    }
    return query.getResultList().stream().map(TrafficView::of).toList();
  }
}
