package io.tradebridge.apikeys.boundary;

import io.tradebridge.apikeys.entity.ApiKey;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * "Last used time and address" without a database write on every request: uses are gathered in
 * memory and written every two seconds. A crash loses at most those seconds of last-used times,
 * never anything a security decision depends on.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class KeyUsage {

  private static final Logger LOG = Logger.getLogger(KeyUsage.class.getName());

  @PersistenceContext EntityManager em;

  private final Map<String, Use> pending = new ConcurrentHashMap<>();

  record Use(Instant at, String address) {}

  public void record(String keyId, Instant at, String address) {
    pending.merge(keyId, new Use(at, address), (old, now) -> now.at().isAfter(old.at()) ? now : old);
  }

  @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
  public void flush() {
    for (String keyId : pending.keySet()) {
      Use use = pending.remove(keyId);
      if (use == null) {
        continue;
      }
      ApiKey key = em.find(ApiKey.class, keyId);
      if (key != null) {
        key.recordUse(use.at(), use.address());
      }
    }
    try {
      em.flush();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not record API key use times: {0}", e.getClass().getSimpleName());
    }
  }
}
