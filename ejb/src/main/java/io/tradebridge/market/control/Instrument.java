package io.tradebridge.market.control;

import java.math.BigDecimal;

/**
 * A tradable instrument of the paper exchange. A freeze quantity of 0 means the exchange sets none.
 */
public record Instrument(
    String exchange,
    String symbol,
    String name,
    int lotSize,
    BigDecimal tickSize,
    BigDecimal referencePrice,
    int freezeQuantity) {

  public String key() {
    return exchange + ":" + symbol;
  }
}
