package io.tradebridge.inserver;

import io.tradebridge.apikeys.entity.ApiKey;
import io.tradebridge.users.entity.LoginGuard;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Test-only window on the database, because Arquillian injects no persistence context into a test.
 */
@Stateless
public class DatabaseProbe {

  @PersistenceContext EntityManager em;

  public long keyCount() {
    return em.createQuery("SELECT COUNT(k) FROM ApiKey k", Long.class).getSingleResult();
  }

  public long usersNamed(String username) {
    return em.createQuery("SELECT COUNT(u) FROM User u WHERE u.usernameKey = :k", Long.class)
        .setParameter("k", username.toLowerCase())
        .getSingleResult();
  }

  public int consecutiveFailures(String userId) {
    LoginGuard guard = em.find(LoginGuard.class, userId);
    return guard == null ? 0 : guard.consecutiveFailures();
  }

  public void persist(ApiKey key) {
    em.persist(key);
  }

  /** A revocation written straight to the entity, not through ApiKeys: any write must count. */
  public void revokeKey(String keyId) {
    em.find(ApiKey.class, keyId).revoke(java.time.Instant.now());
  }

  public void disableUser(String userId) {
    em.find(io.tradebridge.users.entity.User.class, userId).disable();
  }
}
