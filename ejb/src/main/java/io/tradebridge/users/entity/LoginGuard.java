package io.tradebridge.users.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * Counts failed passwords and codes for one account (API.md, "Lockout"): after 5 consecutive
 * failures the account is locked for 30 s, doubling with each further failure up to an hour; and
 * never more than 100 failures are allowed in an hour. Success resets the consecutive count.
 */
@Entity
@Table(name = "TB_LOGIN_GUARD")
public class LoginGuard {

  public static final int FREE_FAILURES = 5;
  public static final Duration FIRST_LOCK = Duration.ofSeconds(30);
  public static final Duration LONGEST_LOCK = Duration.ofHours(1);
  public static final int HOURLY_CAP = 100;

  @Id
  @Column(length = 36)
  private String userId;

  private int consecutiveFailures;
  private Instant lockedUntil;
  private Instant windowStart;
  private int windowFailures;

  @Version
  private long version;

  protected LoginGuard() {}

  public LoginGuard(String userId) {
    this.userId = userId;
  }

  /** How long the account stays locked from {@code now}; zero when it is open. */
  public Duration lockRemaining(Instant now) {
    if (lockedUntil == null || !lockedUntil.isAfter(now)) {
      return Duration.ZERO;
    }
    return Duration.between(now, lockedUntil);
  }

  /** Records a failure; returns the lock now in force (zero if none). */
  public Duration recordFailure(Instant now) {
    if (windowStart == null || !now.isBefore(windowStart.plus(Duration.ofHours(1)))) {
      windowStart = now;
      windowFailures = 0;
    }
    windowFailures++;
    consecutiveFailures++;
    if (windowFailures >= HOURLY_CAP) {
      lockedUntil = windowStart.plus(Duration.ofHours(1));
    } else if (consecutiveFailures >= FREE_FAILURES) {
      int doublings = Math.min(consecutiveFailures - FREE_FAILURES, 20);
      Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
      lockedUntil = now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock);
    }
    return lockRemaining(now);
  }

  public void recordSuccess() {
    consecutiveFailures = 0;
    lockedUntil = null;
  }

  public int consecutiveFailures() {
    return consecutiveFailures;
  }
}
