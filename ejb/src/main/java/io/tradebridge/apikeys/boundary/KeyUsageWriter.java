package io.tradebridge.apikeys.boundary;

import io.tradebridge.apikeys.entity.ApiKey;
import io.tradebridge.database.boundary.DatabaseSchema;
import io.tradebridge.database.control.Dialect;
import io.tradebridge.protection.boundary.SecurityEvents;
import io.tradebridge.protection.entity.KeyAddress;
import io.tradebridge.protection.entity.SecurityEventType;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes one chunk of last-used times in its own short transaction, with no read before the write.
 */
@Stateless
public class KeyUsageWriter {

  @PersistenceContext EntityManager em;
  @Inject SecurityEvents events;
  @Inject DatabaseSchema schema;

  /**
   * The first use of a key from an address is a security event ({@code KEY_NEW_ADDRESS}); e-mailed
   * unless it is the key's very first use, which is its owner starting to use it.
   */
  public void noteAddress(KeyUsage.Use use) {
    if (em.find(KeyAddress.class, KeyAddress.idOf(use.keyId(), use.address())) != null) {
      return;
    }
    ApiKey key = em.find(ApiKey.class, use.keyId());
    if (key == null) {
      return;
    }
    long known =
        em.createNamedQuery(KeyAddress.COUNT_FOR_KEY, Long.class)
            .setParameter("keyId", use.keyId())
            .getSingleResult();
    em.persist(new KeyAddress(use.keyId(), use.address(), use.at()));
    em.flush();
    if (known == 0) {
      events.recordFromQuietly(
          key.userId(),
          SecurityEventType.KEY_NEW_ADDRESS,
          use.address(),
          key.id(),
          "first use of this key");
    } else {
      events.recordFrom(
          key.userId(),
          SecurityEventType.KEY_NEW_ADDRESS,
          use.address(),
          key.id(),
          "used from "
              + use.address()
              + " for the first time; seen from "
              + known
              + " other address"
              + (known == 1 ? "" : "es")
              + " before");
    }
  }

  /**
   * Over PostgreSQL, a key whose row another server is writing right now is skipped: its last use
   * is being recorded as we speak, a second or so apart from ours, and waiting for that server's
   * chunk to commit only held our connection (the scale-out benchmark saw these writers queue
   * behind each other when one key's requests were spread over two servers).
   */
  private static final String RECORD_USE_UNLESS_BUSY =
      "UPDATE TB_API_KEY SET LASTUSEDAT = ?1, LASTUSEDIP = ?2 WHERE ID = (SELECT ID FROM TB_API_KEY"
          + " WHERE ID = ?3 AND (LASTUSEDAT IS NULL OR LASTUSEDAT < ?1) FOR UPDATE SKIP LOCKED)";

  /**
   * In key id order: over a shared database every server writes its own chunks, and two servers
   * updating the same keys in different orders deadlocked (seen on PostgreSQL under load).
   */
  public void write(List<KeyUsage.Use> uses) {
    List<KeyUsage.Use> inKeyOrder = new ArrayList<>(uses);
    inKeyOrder.sort(Comparator.comparing(KeyUsage.Use::keyId));
    boolean shared = schema.dialect().orElse(Dialect.DERBY) == Dialect.POSTGRESQL;
    for (KeyUsage.Use use : inKeyOrder) {
      if (shared) {
        em.createNativeQuery(RECORD_USE_UNLESS_BUSY)
            .setParameter(1, use.at().toEpochMilli())
            .setParameter(2, use.address())
            .setParameter(3, use.keyId())
            .executeUpdate();
      } else {
        em.createNamedQuery(ApiKey.RECORD_USE)
            .setParameter("id", use.keyId())
            .setParameter("at", use.at())
            .setParameter("ip", use.address())
            .executeUpdate();
      }
    }
  }
}
