package io.tradebridge.protection.boundary;

import io.tradebridge.access.entity.KeyCaller;
import io.tradebridge.common.control.EmbeddedDatabase;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.protection.control.MemoryRateWindows;
import io.tradebridge.protection.control.ProtectionSettings;
import io.tradebridge.protection.control.RateCharge;
import io.tradebridge.protection.control.RateKind;
import io.tradebridge.protection.entity.RateRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * The per-key and per-user limits of API.md (only API keys are limited there: they are what a
 * runaway loop in a program holds), and the per-address limit on what costs a password hash.
 *
 * <p>Where the counters live follows the database ({@code TRADEBRIDGE_RATE_STORE}, default {@code
 * auto}): over a database that several servers share, in the database ({@link RateWindows}), so
 * that all nodes enforce one limit between them; over embedded Derby — which only this server can
 * open, so no second node can exist — in memory ({@link MemoryRateWindows}), because a durable
 * commit per request would cost more than the request.
 */
@ApplicationScoped
public class RateLimiter {

  private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());

  @Inject ProtectionSettings settings;
  @Inject RateWindows windows;
  @Inject ProtectionMetrics metrics;
  @Inject Clock clock;

  @Inject EmbeddedDatabase database;

  private final MemoryRateWindows memory = new MemoryRateWindows();
  private volatile Boolean inMemory;

  /**
   * Counts {@code n} requests of {@code kind} for a key and its user.
   *
   * @throws TradebridgeException 429 RATE_LIMITED with Retry-After when any limit is reached;
   *     nothing is counted then
   */
  public void charge(KeyCaller key, RateKind kind, int n) {
    if (key == null || n <= 0 || !settings.rateLimitsOn()) {
      return;
    }
    RateRule keyRule = settings.keyRules().get(kind);
    List<RateCharge> charges =
        List.of(
            new RateCharge("k:" + key.keyId() + ":" + kind, keyRule, n),
            new RateCharge("u:" + key.userId() + ":short", settings.userShortRule(), n),
            new RateCharge("u:" + key.userId() + ":long", settings.userLongRule(), n));
    try {
      take(charges, clock.instant());
    } catch (TradebridgeException e) {
      metrics.rateLimited(kind);
      throw e;
    }
  }

  /**
   * Counts a request that costs a password hash (sign-in, its code step, registration, a password
   * reset) against its address, before the hash is computed.
   *
   * @throws TradebridgeException 429 RATE_LIMITED with Retry-After when the address is over its
   *     limit
   */
  public void chargeSignIn(String address) {
    if (!settings.rateLimitsOn()) {
      return;
    }
    try {
      take(
          List.of(
              new RateCharge(
                  "a:" + (address == null ? "unknown" : address), settings.signInRule(), 1)),
          clock.instant());
    } catch (TradebridgeException e) {
      metrics.authenticationFailed("sign_in_throttled");
      throw e;
    }
  }

  /** Counts against arbitrary counters at a given time (e-mail limits); false when any is full. */
  public boolean tryTakeAt(List<RateCharge> charges, Instant at) {
    try {
      take(charges, at);
      return true;
    } catch (TradebridgeException e) {
      return false;
    }
  }

  private void take(List<RateCharge> charges, Instant at) {
    if (inMemory()) {
      MemoryRateWindows.Refusal refused = memory.take(charges, at);
      if (refused != null) {
        throw RateWindows.limited(refused.rule(), refused.retryAfter());
      }
      return;
    }
    for (int attempt = 1; ; attempt++) {
      try {
        windows.takeAt(charges, at);
        return;
      } catch (RateWindows.CreatedConcurrently raced) {
        // Another node created or reopened a counter under us; everything was rolled back: take
        // again.
        if (attempt == 3) {
          throw raced;
        }
      }
    }
  }

  private boolean inMemory() {
    Boolean decided = inMemory;
    if (decided == null) {
      decided =
          switch (settings.rateStore()) {
            case "memory" -> true;
            case "database" -> false;
            default -> database.isEmbedded();
          };
      inMemory = decided;
      LOG.info(
          "rate-limit counters are kept "
              + (decided
                  ? "in memory (embedded database: this server only)"
                  : "in the database (shared by every server using it)"));
    }
    return decided;
  }
}
