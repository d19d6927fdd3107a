package io.tradebridge.protection.boundary;

import io.tradebridge.apikeys.boundary.KeyCaller;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.protection.control.ProtectionSettings;
import io.tradebridge.protection.control.RateKind;
import io.tradebridge.protection.control.RateRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * The per-key and per-user limits of API.md. Only API keys are limited: they are what a runaway
 * loop in a program holds. Counters live in the database (see {@link RateWindows}), so two nodes
 * over one database enforce one limit between them.
 */
@ApplicationScoped
public class RateLimiter {

  @Inject ProtectionSettings settings;
  @Inject RateWindows windows;
  @Inject ProtectionMetrics metrics;

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
    List<RateWindows.Charge> charges = List.of(
        new RateWindows.Charge("k:" + key.keyId() + ":" + kind, keyRule, n),
        new RateWindows.Charge("u:" + key.userId() + ":short", settings.userShortRule(), n),
        new RateWindows.Charge("u:" + key.userId() + ":long", settings.userLongRule(), n));
    try {
      take(charges);
    } catch (TradebridgeException e) {
      metrics.rateLimited(kind);
      throw e;
    }
  }

  /** Counts against arbitrary counters at a given time (e-mail limits); false when any is full. */
  public boolean tryTakeAt(List<RateWindows.Charge> charges, Instant at) {
    try {
      try {
        windows.takeAt(charges, at);
      } catch (RateWindows.CreatedConcurrently raced) {
        windows.takeAt(charges, at);
      }
      return true;
    } catch (TradebridgeException e) {
      return false;
    }
  }

  private void take(List<RateWindows.Charge> charges) {
    try {
      windows.take(charges);
    } catch (RateWindows.CreatedConcurrently raced) {
      windows.take(charges);
    }
  }
}
