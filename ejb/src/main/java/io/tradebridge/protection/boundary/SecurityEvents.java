package io.tradebridge.protection.boundary;

import io.tradebridge.common.control.FieldChecks;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.protection.control.ProtectionSettings;
import io.tradebridge.protection.entity.SecurityEvent;
import io.tradebridge.protection.entity.SecurityEventType;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.util.List;

/**
 * Records and lists security events. An event joins the caller's transaction, so it exists exactly
 * when what it describes happened; failures (which roll back) are recorded from the REQUIRES_NEW
 * transaction that counts them. Important events are marked for e-mail when SMTP is configured.
 */
@Stateless
public class SecurityEvents {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;

  @PersistenceContext EntityManager em;
  @Inject RequestOrigin origin;
  @Inject ProtectionSettings settings;
  @Inject Clock clock;

  /** An event from the current request, at the request's address. */
  public void record(String userId, SecurityEventType type, String keyId, String detail) {
    recordFrom(userId, type, currentAddress(), keyId, detail);
  }

  /**
   * An event noticed away from any request (the key-usage writer), with the address it concerns.
   */
  public void recordFrom(
      String userId, SecurityEventType type, String ip, String keyId, String detail) {
    em.persist(
        new SecurityEvent(
            userId, clock.instant(), type, ip, keyId, detail, settings.smtp().isPresent()));
  }

  /** As {@link #recordFrom}, never e-mailed. */
  public void recordFromQuietly(
      String userId, SecurityEventType type, String ip, String keyId, String detail) {
    em.persist(new SecurityEvent(userId, clock.instant(), type, ip, keyId, detail, false));
  }

  /** Recorded but never e-mailed: an event the user is looking at as it happens (registration). */
  public void recordQuietly(String userId, SecurityEventType type, String keyId, String detail) {
    em.persist(
        new SecurityEvent(userId, clock.instant(), type, currentAddress(), keyId, detail, false));
  }

  public List<SecurityEventView> list(String userId, Integer limit, Long before) {
    int rows = limit == null ? DEFAULT_LIMIT : limit;
    new FieldChecks()
        .that(rows >= 1 && rows <= MAX_LIMIT, "limit", "must be between 1 and " + MAX_LIMIT)
        .orThrow();
    String jpql =
        "SELECT e FROM SecurityEvent e WHERE e.userId = :userId"
            + (before == null ? "" : " AND (e.time < :t OR (e.time = :t AND e.id < :id))")
            + " ORDER BY e.time DESC, e.id DESC";
    TypedQuery<SecurityEvent> query =
        em.createQuery(jpql, SecurityEvent.class)
            .setParameter("userId", userId)
            .setMaxResults(rows);
    if (before != null) {
      SecurityEvent after = em.find(SecurityEvent.class, before);
      if (after == null || !after.userId().equals(userId)) {
        throw TradebridgeException.validation("before", "is not one of your security events");
      }
      query.setParameter("t", after.time()).setParameter("id", after.id());
    }
    return query.getResultList().stream().map(SecurityEventView::of).toList();
  }

  private String currentAddress() {
    try {
      return origin.address();
    } catch (ContextNotActiveException notInARequest) {
      return null;
    }
  }
}
