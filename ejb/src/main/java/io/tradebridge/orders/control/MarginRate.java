package io.tradebridge.orders.control;

import io.tradebridge.orders.entity.ProductType;
import java.math.BigDecimal;

/**
 * The share of an order's value the paper exchange blocks as margin: all of it for delivery and for
 * equity carried overnight, a fifth for intraday equity (5x), 15% for futures.
 */
public final class MarginRate {

  private MarginRate() {}

  public static BigDecimal of(String exchange, ProductType product) {
    boolean derivatives = !("NSE".equals(exchange) || "BSE".equals(exchange));
    if (derivatives) {
      return new BigDecimal("0.15");
    }
    return product == ProductType.INTRADAY ? new BigDecimal("0.20") : BigDecimal.ONE;
  }
}
