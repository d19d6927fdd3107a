package io.tradebridge.users.boundary;

import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.users.entity.LoginGuard;
import io.tradebridge.protection.boundary.ProtectionMetrics;
import io.tradebridge.protection.boundary.SecurityEvents;
import io.tradebridge.protection.control.SecurityEventType;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;

/**
 * The lockout counter of API.md ("Lockout"). Failures are written in their own transaction: the
 * request that failed rolls back everything else it did, but the failure must still count.
 */
@Stateless
public class LoginFailures {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject SecurityEvents events;
  @Inject ProtectionMetrics metrics;

  /** Throws 429 RATE_LIMITED with the remaining lock when the account is locked. */
  public void refuseIfLocked(String userId) {
    LoginGuard guard = em.find(LoginGuard.class, userId);
    if (guard != null) {
      Duration remaining = guard.lockRemaining(clock.instant());
      if (!remaining.isZero()) {
        throw locked(remaining);
      }
    }
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Duration recordFailure(String userId) {
    return recordFailure(userId, "wrong password or code");
  }

  /** Counts a failure and records it as a security event (and a lockout, when it locks). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Duration recordFailure(String userId, String what) {
    LoginGuard guard = em.find(LoginGuard.class, userId, LockModeType.PESSIMISTIC_WRITE);
    if (guard == null) {
      guard = new LoginGuard(userId);
      em.persist(guard);
    }
    Duration lock = guard.recordFailure(clock.instant());
    metrics.authenticationFailed("wrong_password_or_code");
    events.record(userId, SecurityEventType.LOGIN_FAILED, null, what);
    if (!lock.isZero()) {
      events.record(userId, SecurityEventType.LOCKED_OUT, null, "locked for " + Math.max(1, lock.toSeconds())
          + " s after " + guard.consecutiveFailures() + " failures in a row");
    }
    return lock;
  }

  public void recordSuccess(String userId) {
    LoginGuard guard = em.find(LoginGuard.class, userId);
    if (guard != null && guard.consecutiveFailures() > 0) {
      guard.recordSuccess();
    }
  }

  static TradebridgeException locked(Duration remaining) {
    long seconds = Math.max(1, (remaining.toMillis() + 999) / 1000);
    return TradebridgeException.rateLimited(seconds,
        "too many failed attempts; this login is locked for " + seconds + " s");
  }
}
