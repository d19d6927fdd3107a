package io.tradebridge.market.control;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * NSE's tick sizes by price band (in force since June 2025 for equities): below ₹250 one paisa,
 * then 5 paise up to ₹1,000, 10 paise up to ₹5,000, 50 paise up to ₹10,000, ₹1 up to ₹20,000, and
 * ₹5 above. Index futures move in 10 paise.
 */
public final class TickSize {

  private TickSize() {}

  public static BigDecimal forEquity(BigDecimal price) {
    if (price.compareTo(new BigDecimal("250")) < 0) return new BigDecimal("0.01");
    if (price.compareTo(new BigDecimal("1000")) < 0) return new BigDecimal("0.05");
    if (price.compareTo(new BigDecimal("5000")) < 0) return new BigDecimal("0.10");
    if (price.compareTo(new BigDecimal("10000")) < 0) return new BigDecimal("0.50");
    if (price.compareTo(new BigDecimal("20000")) < 0) return new BigDecimal("1.00");
    return new BigDecimal("5.00");
  }

  public static final BigDecimal FUTURES = new BigDecimal("0.10");

  /** NSE's index options move by 5 paise. */
  public static final BigDecimal OPTIONS = new BigDecimal("0.05");

  /** Rounds to the nearest multiple of the tick. */
  public static BigDecimal round(BigDecimal price, BigDecimal tick) {
    return price
        .divide(tick, 0, RoundingMode.HALF_UP)
        .multiply(tick)
        .setScale(2, RoundingMode.UNNECESSARY);
  }

  public static boolean isMultiple(BigDecimal price, BigDecimal tick) {
    return price.remainder(tick).signum() == 0;
  }
}
