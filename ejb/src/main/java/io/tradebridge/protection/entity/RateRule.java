package io.tradebridge.protection.entity;

import java.time.Duration;

/**
 * "At most {@code limit} in {@code period}" for one kind of counter. A window opens with the first
 * request after the previous one closed and lasts the period, so "10 orders a second" means at most
 * ten orders in the second that starts with the first of them — simple to explain and to test.
 */
public record RateRule(String name, int limit, Duration period) {

  public RateRule {
    if (limit < 1 || period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException(
          name + ": a rate limit needs a limit >= 1 and a positive period");
    }
  }

  /** "10 per 1 s", for problem details a trader reads. */
  public String describe() {
    long seconds = period.toSeconds();
    String per =
        seconds == 1
            ? "second"
            : seconds == 60 ? "minute" : seconds == 3600 ? "hour" : seconds + " s";
    return limit + " per " + per;
  }
}
