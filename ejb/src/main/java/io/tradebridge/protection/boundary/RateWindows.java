package io.tradebridge.protection.boundary;

import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.database.boundary.OnceWork;
import io.tradebridge.protection.control.RateCharge;
import io.tradebridge.protection.entity.RateRule;
import io.tradebridge.protection.entity.RateWindow;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Takes from several counters at once, all or nothing, in a short transaction of its own: when any
 * counter is full the exception rolls back what the others took, so a refused request costs
 * nothing. Each take is one conditional UPDATE in the common case; counters are updated in name
 * order so that two requests never wait on each other's row locks in a circle.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RateWindows {

  @Inject OnceWork onceWork;

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  /** Another node created the same counter at the same moment; taking again will find it. */
  @ApplicationException(rollback = true)
  public static class CreatedConcurrently extends RuntimeException {
    CreatedConcurrently() {
      super("rate counter created concurrently", null, false, false);
    }
  }

  /**
   * @throws TradebridgeException 429 RATE_LIMITED naming the limit, with the wait until it reopens
   */
  public void take(List<RateCharge> charges) {
    takeAt(charges, clock.instant());
  }

  /** As {@link #take}, counting at {@code now} (e-mails count at the time of their event). */
  public void takeAt(List<RateCharge> charges, Instant now) {
    for (RateCharge charge :
        charges.stream().sorted(Comparator.comparing(RateCharge::bucket)).toList()) {
      Duration wait = takeOne(charge, now);
      if (!wait.isZero()) {
        throw limited(charge.rule(), wait);
      }
    }
  }

  /** 429 naming the limit, with the wait rounded up to whole seconds. */
  public static TradebridgeException limited(RateRule rule, Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return TradebridgeException.rateLimited(
        seconds,
        "rate limit reached: "
            + rule.name()
            + ", "
            + rule.describe()
            + "; try again in "
            + seconds
            + " s");
  }

  private Duration takeOne(RateCharge charge, Instant now) {
    long closedAtOrBefore = now.minus(charge.rule().period()).toEpochMilli();
    if (charge.n() <= charge.rule().limit()) {
      if (em.createNamedQuery(RateWindow.ADD_TO_OPEN)
              .setParameter("n", charge.n())
              .setParameter("bucket", charge.bucket())
              .setParameter("closedAtOrBefore", closedAtOrBefore)
              .setParameter("limit", charge.rule().limit())
              .executeUpdate()
          == 1) {
        return Duration.ZERO;
      }
      if (em.createNamedQuery(RateWindow.OPEN_NEW)
              .setParameter("now", now.toEpochMilli())
              .setParameter("n", charge.n())
              .setParameter("bucket", charge.bucket())
              .setParameter("closedAtOrBefore", closedAtOrBefore)
              .executeUpdate()
          == 1) {
        return Duration.ZERO;
      }
    }
    // Either the window is full (read only to say how long until it reopens), or the counter does
    // not exist yet and is created here; a node creating it at the same moment makes us take again.
    // Read past the shared cache and never take through the entity: a stale copy would grant from
    // an
    // old count and write it back at commit (seen in a parallel test: 12 granted of 10).
    RateWindow window =
        em.find(
            RateWindow.class,
            charge.bucket(),
            Map.of("jakarta.persistence.cache.retrieveMode", CacheRetrieveMode.BYPASS));
    if (window != null) {
      Duration wait = window.copy().take(charge.n(), charge.rule(), now);
      if (wait.isZero()) {
        // The window changed between our updates and this read (reopened by another taker): take
        // again.
        throw new CreatedConcurrently();
      }
      return wait;
    }
    window = new RateWindow(charge.bucket());
    Duration wait = window.take(charge.n(), charge.rule(), now);
    em.persist(window);
    try {
      em.flush();
    } catch (PersistenceException e) {
      throw new CreatedConcurrently();
    }
    return wait;
  }

  /** Counters unused for an hour are gone; the longest window is an hour. */
  @Schedule(hour = "*", minute = "17", persistent = false)
  void purgeStale() {
    if (!onceWork.mine()) {
      return; // another server sharing the database does this work
    }
    em.createNamedQuery(RateWindow.DELETE_STALE)
        .setParameter("before", clock.instant().minus(Duration.ofHours(2)).toEpochMilli())
        .executeUpdate();
  }
}
