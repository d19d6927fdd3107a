package io.tradebridge.protection.boundary;

import io.tradebridge.protection.control.TrafficLine;
import io.tradebridge.protection.entity.TrafficEntry;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** Writes a batch of traffic lines in one transaction: one commit for hundreds of requests. */
@Stateless
public class TrafficWriter {

  @PersistenceContext EntityManager em;

  public void write(List<TrafficLine> lines) {
    for (TrafficLine line : lines) {
      em.persist(new TrafficEntry(line));
    }
  }

  public int purgeBefore(Instant before) {
    return em.createNamedQuery(TrafficEntry.DELETE_BEFORE).setParameter("before", before).executeUpdate();
  }
}
