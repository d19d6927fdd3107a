package io.tradebridge.protection.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * One rate-limit counter, kept in the database so that every server node sharing it counts the same
 * requests. The database applies {@link #take}'s rule itself, in conditional updates ({@link
 * #ADD_TO_OPEN}, {@link #OPEN_NEW}) that read and write the row under one lock, so two requests on
 * two nodes can never both take the last unit.
 */
@Entity
@Table(name = "TB_RATE_WINDOW")
@NamedQuery(
    name = RateWindow.DELETE_STALE,
    query = "DELETE FROM RateWindow w WHERE w.windowStartMillis < :before")
@NamedQuery(
    name = RateWindow.ADD_TO_OPEN,
    query =
        "UPDATE RateWindow w SET w.hits = w.hits + :n"
            + " WHERE w.bucket = :bucket AND w.windowStartMillis > :closedAtOrBefore AND w.hits + :n <= :limit")
@NamedQuery(
    name = RateWindow.OPEN_NEW,
    query =
        "UPDATE RateWindow w SET w.windowStartMillis = :now, w.hits = :n"
            + " WHERE w.bucket = :bucket AND w.windowStartMillis <= :closedAtOrBefore")
public class RateWindow {

  public static final String DELETE_STALE = "RateWindow.deleteStale";

  /** Takes from the open window if it has room: the common case, one statement. */
  public static final String ADD_TO_OPEN = "RateWindow.addToOpen";

  /** Opens a new window over a closed one. */
  public static final String OPEN_NEW = "RateWindow.openNew";

  @Id
  @Column(length = 80)
  private String bucket;

  private long windowStartMillis;
  private int hits;

  protected RateWindow() {}

  public RateWindow(String bucket) {
    this.bucket = bucket;
  }

  /**
   * Takes {@code n} from this window under {@code rule}.
   *
   * @return zero when granted; otherwise how long until the window closes (nothing is taken)
   */
  public Duration take(int n, RateRule rule, Instant now) {
    Instant windowStart = Instant.ofEpochMilli(windowStartMillis);
    if (hits == 0 || !now.isBefore(windowStart.plus(rule.period()))) {
      if (n > rule.limit()) {
        return rule.period();
      }
      windowStartMillis = now.toEpochMilli();
      hits = n;
      return Duration.ZERO;
    }
    if (hits + n > rule.limit()) {
      return Duration.between(now, windowStart.plus(rule.period()));
    }
    hits += n;
    return Duration.ZERO;
  }

  /** A detached copy, to try a take without changing this window. */
  public RateWindow copy() {
    RateWindow c = new RateWindow(bucket);
    c.windowStartMillis = windowStartMillis;
    c.hits = hits;
    return c;
  }

  public boolean startedBefore(Instant instant) {
    return windowStartMillis < instant.toEpochMilli();
  }

  public String bucket() {
    return bucket;
  }

  public int hits() {
    return hits;
  }
}
