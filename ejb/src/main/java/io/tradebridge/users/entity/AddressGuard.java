package io.tradebridge.users.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * Failed passwords and codes for one account from one address (API.md, "Lockout"). Counting per
 * address is what keeps lockout from being a weapon: a stranger who knows a username locks out only
 * their own address, while the owner signs in (and pulls the kill switch) from theirs. The
 * account-wide hourly cap ({@link LoginGuard}) remains the last resort against many addresses.
 *
 * <p>Check and count are one step ({@link #claim}): an attempt is counted, under the row's lock,
 * before the password is checked, and given back when it turns out not to be a failure. So twenty
 * wrong guesses sent at once get five tries, not twenty, even though each check takes a slow hash.
 */
@Entity
@Table(name = "TB_ADDRESS_GUARD")
public class AddressGuard {

  public static final int FREE_FAILURES = LoginGuard.FREE_FAILURES;
  public static final Duration FIRST_LOCK = LoginGuard.FIRST_LOCK;
  public static final Duration LONGEST_LOCK = LoginGuard.LONGEST_LOCK;

  /**
   * How long a claimed attempt may stay unsettled (a crash mid-check) before it no longer blocks.
   */
  static final Duration IN_FLIGHT = Duration.ofMinutes(1);

  /** The user's id and the address: {@code <userId>@<address>}. */
  @Id
  @Column(length = 100)
  private String id;

  private int attempts;
  private Instant lockedUntil;
  private Instant claimedAt;

  @Version private long version;

  protected AddressGuard() {}

  public AddressGuard(String userId, String address) {
    this.id = idOf(userId, address);
  }

  public static String idOf(String userId, String address) {
    String where = address == null || address.isBlank() ? "unknown" : address;
    return userId + "@" + (where.length() > 60 ? where.substring(0, 60) : where);
  }

  /**
   * Counts an attempt about to be checked. Returns how long to wait instead (nothing counted): the
   * lock in force, or, when the free attempts are used up by checks still running, until they end.
   */
  public Duration claim(Instant now) {
    if (lockedUntil != null && lockedUntil.isAfter(now)) {
      return Duration.between(now, lockedUntil);
    }
    boolean othersInFlight =
        attempts >= FREE_FAILURES
            && lockedUntil == null
            && claimedAt != null
            && claimedAt.plus(IN_FLIGHT).isAfter(now);
    if (othersInFlight) {
      return Duration.ofSeconds(1);
    }
    attempts++;
    lockedUntil = null; // a lock that ran out: this attempt is the one it let through
    claimedAt = now;
    return Duration.ZERO;
  }

  /** The claimed attempt failed; returns the lock it brought on (zero if none). */
  public Duration failed(Instant now) {
    if (attempts >= FREE_FAILURES) {
      int doublings = Math.min(attempts - FREE_FAILURES, 20);
      Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
      lockedUntil = now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock);
      return Duration.between(now, lockedUntil);
    }
    return Duration.ZERO;
  }

  /**
   * The claimed attempt was neither a failure nor the end of a sign-in (e.g. the code step
   * follows).
   */
  public void released() {
    attempts = Math.max(0, attempts - 1);
    claimedAt = null;
  }

  public void succeeded() {
    attempts = 0;
    lockedUntil = null;
    claimedAt = null;
  }

  public int attempts() {
    return attempts;
  }
}
