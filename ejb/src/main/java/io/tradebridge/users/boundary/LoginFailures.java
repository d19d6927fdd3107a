package io.tradebridge.users.boundary;

import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.protection.boundary.ProtectionMetrics;
import io.tradebridge.protection.boundary.RequestOrigin;
import io.tradebridge.protection.boundary.SecurityEvents;
import io.tradebridge.protection.entity.SecurityEventType;
import io.tradebridge.users.entity.AddressGuard;
import io.tradebridge.users.entity.LoginGuard;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;

/**
 * The lockout of API.md ("Lockout"), counted per account and address ({@link AddressGuard}) with
 * the account-wide hourly cap ({@link LoginGuard}) as the last resort. Every password or code check
 * goes {@link #claim} → check → exactly one of {@link #recordFailure}, {@link #recordSuccess} or
 * {@link #release}. Claims and failures are written in their own transactions: the request that
 * failed rolls back everything else it did, but the failure must still count.
 */
@Stateless
public class LoginFailures {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject SecurityEvents events;
  @Inject ProtectionMetrics metrics;
  @Inject RequestOrigin origin;

  /**
   * Counts the attempt about to be checked, or throws 429 RATE_LIMITED with the time to wait when
   * this address is locked for this account, or the account has reached its hourly cap.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void claim(String userId) {
    LoginGuard account = em.find(LoginGuard.class, userId);
    if (account != null) {
      Duration remaining = account.lockRemaining(clock.instant());
      if (!remaining.isZero()) {
        throw locked(remaining);
      }
    }
    Duration wait = addressGuard(userId).claim(clock.instant());
    if (!wait.isZero()) {
      throw locked(wait);
    }
  }

  /** Counts a failure and records it as a security event (and a lockout, when it locks). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Duration recordFailure(String userId, String what) {
    Duration lock = addressGuard(userId).failed(clock.instant());
    LoginGuard account = em.find(LoginGuard.class, userId, LockModeType.PESSIMISTIC_WRITE);
    if (account == null) {
      account = new LoginGuard(userId);
      em.persist(account);
    }
    Duration accountLock = account.recordFailure(clock.instant());
    metrics.authenticationFailed("wrong_password_or_code");
    events.record(userId, SecurityEventType.LOGIN_FAILED, null, what);
    if (!accountLock.isZero()) {
      events.record(
          userId,
          SecurityEventType.LOCKED_OUT,
          null,
          "every sign-in locked for "
              + accountLock.toMinutes()
              + " min after "
              + LoginGuard.HOURLY_CAP
              + " failures within the hour");
      return accountLock;
    }
    if (!lock.isZero()) {
      events.record(
          userId,
          SecurityEventType.LOCKED_OUT,
          null,
          "locked for "
              + Math.max(1, lock.toSeconds())
              + " s from "
              + address()
              + " after failures in a row");
    }
    return lock;
  }

  /** The check passed: this address's run of failures ends. */
  public void recordSuccess(String userId) {
    AddressGuard guard =
        em.find(
            AddressGuard.class,
            AddressGuard.idOf(userId, address()),
            LockModeType.PESSIMISTIC_WRITE);
    if (guard != null) {
      guard.succeeded();
    }
    LoginGuard account = em.find(LoginGuard.class, userId);
    if (account != null && account.consecutiveFailures() > 0) {
      account.recordSuccess();
    }
  }

  /**
   * The claimed attempt ended without a verdict on the secret (a missing field, a code step to
   * follow).
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void release(String userId) {
    AddressGuard guard =
        em.find(
            AddressGuard.class,
            AddressGuard.idOf(userId, address()),
            LockModeType.PESSIMISTIC_WRITE);
    if (guard != null) {
      guard.released();
    }
  }

  /**
   * This account's guard for the caller's address, locked for this transaction; made on first use.
   */
  private AddressGuard addressGuard(String userId) {
    String id = AddressGuard.idOf(userId, address());
    AddressGuard guard = em.find(AddressGuard.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (guard != null) {
      return guard;
    }
    guard = new AddressGuard(userId, address());
    try {
      em.persist(guard);
      em.flush();
      return guard;
    } catch (PersistenceException raced) {
      // Another attempt from the same address made the row a moment ago: this one waits its turn.
      throw locked(Duration.ofSeconds(1));
    }
  }

  private String address() {
    try {
      return origin.address();
    } catch (ContextNotActiveException noRequest) {
      return null;
    }
  }

  static TradebridgeException locked(Duration remaining) {
    long seconds = Math.max(1, (remaining.toMillis() + 999) / 1000);
    return TradebridgeException.rateLimited(
        seconds, "too many failed attempts; this sign-in is locked for " + seconds + " s");
  }
}
