package io.tradebridge.apikeys.boundary;

import io.tradebridge.apikeys.entity.ApiKey;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Writes one chunk of last-used times in its own short transaction, with no read before the write. */
@Stateless
public class KeyUsageWriter {

  @PersistenceContext EntityManager em;

  public void write(List<KeyUsage.Use> uses) {
    for (KeyUsage.Use use : uses) {
      em.createNamedQuery(ApiKey.RECORD_USE)
          .setParameter("id", use.keyId())
          .setParameter("at", use.at())
          .setParameter("ip", use.address())
          .executeUpdate();
    }
  }
}
