package io.tradebridge.apikeys.boundary;

import io.tradebridge.access.entity.IpAllowlist;
import io.tradebridge.apikeys.control.CheckedKey;
import io.tradebridge.apikeys.entity.ApiKey;
import io.tradebridge.users.entity.User;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Reads an API key's row and its owner's, in a transaction of its own when the caller has none. A
 * web request has none while its key is checked, and a connection used outside a transaction stays
 * with the request (Liberty's local transaction containment) until it ends: an order request then
 * held a connection while it waited for the order desk, and on PostgreSQL, where every check reads
 * the database, 30 waiting requests took all 30 connections and the desk got none. A transaction
 * gives the connection back when the read is done.
 */
@Stateless
public class KeyRows {

  private static final String REFRESH = "eclipselink.refresh";

  @PersistenceContext EntityManager em;

  /**
   * The key with this digest and whether its owner may use keys; null when there is none. Refreshed
   * from the table: a caller already in a transaction may have read the row before.
   */
  public CheckedKey read(String digest) {
    ApiKey key =
        em.createNamedQuery(ApiKey.BY_DIGEST, ApiKey.class)
            .setParameter("digest", digest)
            .setHint(REFRESH, "true")
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (key == null) {
      return null;
    }
    User owner =
        em.createQuery("SELECT u FROM User u WHERE u.id = :id", User.class)
            .setParameter("id", key.userId())
            .setHint(REFRESH, "true")
            .getResultStream()
            .findFirst()
            .orElse(null);
    return new CheckedKey(
        key.id(),
        key.userId(),
        key.environment(),
        key.permissions(),
        key.orderMode(),
        key.expiresAt(),
        key.isRevoked(),
        IpAllowlist.of(key.ipAllowlist()),
        owner != null && owner.mayUseKeys(),
        key.defaultAccount());
  }
}
