package io.tradebridge.users.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * The account-wide last resort of API.md's "Lockout": never more than 100 failed passwords and
 * codes per account in an hour, from all addresses together. The consecutive-failure lock (5 free,
 * then 30 s doubling up to an hour) is counted per address ({@link AddressGuard}), so that a
 * stranger cannot lock the owner out; this cap is what stops guessing spread over many addresses.
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

  @Version private long version;

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
    }
    return lockRemaining(now);
  }

  /**
   * A success ends the run of failures; the hourly cap, once reached, stands until its hour ends.
   */
  public void recordSuccess() {
    consecutiveFailures = 0;
  }

  public int consecutiveFailures() {
    return consecutiveFailures;
  }
}
