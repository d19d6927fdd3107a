package io.tradebridge.market.control;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A tradable instrument. A freeze quantity of 0 means the exchange sets none; {@code expiry} is a
 * future's or option's last trading day (null for a share, and where a broker's list does not say).
 * An option also has its {@code strike}, {@code optionType} ({@code CE} a call, {@code PE} a put)
 * and the {@code underlying} whose price moves its premium (the key of the paper exchange's nearest
 * future on the index); these are null for everything else.
 */
public record Instrument(
    String exchange,
    String symbol,
    String name,
    int lotSize,
    BigDecimal tickSize,
    BigDecimal referencePrice,
    int freezeQuantity,
    LocalDate expiry,
    BigDecimal strike,
    String optionType,
    String underlying) {

  /** A share or a future. */
  public Instrument(
      String exchange,
      String symbol,
      String name,
      int lotSize,
      BigDecimal tickSize,
      BigDecimal referencePrice,
      int freezeQuantity,
      LocalDate expiry) {
    this(
        exchange,
        symbol,
        name,
        lotSize,
        tickSize,
        referencePrice,
        freezeQuantity,
        expiry,
        null,
        null,
        null);
  }

  /** "OPT" for an option, "FUT" for another contract that expires, "EQ" for a share. */
  public String instrumentType() {
    return optionType != null ? "OPT" : expiry == null ? "EQ" : "FUT";
  }

  public boolean isOption() {
    return optionType != null;
  }

  /** Whether the contract's last trading day has passed on {@code today} (India's date). */
  public boolean expiredOn(LocalDate today) {
    return expiry != null && today.isAfter(expiry);
  }

  public String key() {
    return exchange + ":" + symbol;
  }
}
