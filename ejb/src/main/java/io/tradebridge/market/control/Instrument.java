package io.tradebridge.market.control;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A tradable instrument. A freeze quantity of 0 means the exchange sets none; {@code expiry} is a
 * future's last trading day (null for a share, and where a broker's list does not say).
 */
public record Instrument(
    String exchange,
    String symbol,
    String name,
    int lotSize,
    BigDecimal tickSize,
    BigDecimal referencePrice,
    int freezeQuantity,
    LocalDate expiry) {

  /** "FUT" for a contract that expires, "EQ" for a share. */
  public String instrumentType() {
    return expiry == null ? "EQ" : "FUT";
  }

  /** Whether the contract's last trading day has passed on {@code today} (India's date). */
  public boolean expiredOn(LocalDate today) {
    return expiry != null && today.isAfter(expiry);
  }

  public String key() {
    return exchange + ":" + symbol;
  }
}
