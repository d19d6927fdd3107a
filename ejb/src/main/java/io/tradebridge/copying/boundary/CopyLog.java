package io.tradebridge.copying.boundary;

import io.tradebridge.common.control.Ids;
import io.tradebridge.copying.entity.CopyAction;
import io.tradebridge.copying.entity.CopyOutcome;
import io.tradebridge.copying.entity.CopyRecord;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;

/** Writes the lines of a rule's log, each copy's outcome, in a transaction of their own. */
@Stateless
public class CopyLog {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  /** One line per entry, all in one commit. */
  public void write(List<Line> lines) {
    for (Line l : lines) {
      em.persist(
          new CopyRecord(
              Ids.newId(),
              l.ruleId(),
              l.masterOrderId(),
              l.child(),
              l.action(),
              l.outcome(),
              l.childOrderIds(),
              l.message(),
              clock.instant()));
    }
  }

  /** A log line to write. */
  public record Line(
      String ruleId,
      String masterOrderId,
      String child,
      CopyAction action,
      CopyOutcome outcome,
      List<String> childOrderIds,
      String message) {}
}
