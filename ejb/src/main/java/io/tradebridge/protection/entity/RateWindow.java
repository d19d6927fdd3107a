package io.tradebridge.protection.entity;

import io.tradebridge.protection.control.RateRule;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * One rate-limit counter, kept in the database so that every server node sharing it counts the
 * same requests. A node reads it under a row lock, takes from it and commits in a short
 * transaction of its own.
 */
@Entity
@Table(name = "TB_RATE_WINDOW")
@NamedQuery(name = RateWindow.DELETE_STALE, query = "DELETE FROM RateWindow w WHERE w.windowStart < :before")
public class RateWindow {

  public static final String DELETE_STALE = "RateWindow.deleteStale";

  @Id
  @Column(length = 80)
  private String bucket;

  private Instant windowStart;
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
    if (windowStart == null || !now.isBefore(windowStart.plus(rule.period()))) {
      if (n > rule.limit()) {
        return rule.period();
      }
      windowStart = now;
      hits = n;
      return Duration.ZERO;
    }
    if (hits + n > rule.limit()) {
      return Duration.between(now, windowStart.plus(rule.period()));
    }
    hits += n;
    return Duration.ZERO;
  }

  public String bucket() {
    return bucket;
  }

  public int hits() {
    return hits;
  }
}
