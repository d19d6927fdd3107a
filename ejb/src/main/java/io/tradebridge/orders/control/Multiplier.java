package io.tradebridge.orders.control;

import io.tradebridge.common.control.FieldChecks;
import java.math.BigDecimal;

/**
 * A group member's or a copy child's multiplier: above 0 (fractions allowed, API.md), at most 1,000
 * — more is a typing slip that would trade a thousand times the order — and at most four decimals,
 * as stored.
 */
public final class Multiplier {

  public static final BigDecimal MOST = new BigDecimal("1000");

  private Multiplier() {}

  public static void check(FieldChecks checks, String field, BigDecimal multiplier) {
    checks.that(
        multiplier.signum() > 0 && multiplier.compareTo(MOST) <= 0,
        field,
        "must be above 0 and at most " + MOST.toPlainString());
    checks.that(multiplier.stripTrailingZeros().scale() <= 4, field, "may have at most 4 decimals");
  }
}
