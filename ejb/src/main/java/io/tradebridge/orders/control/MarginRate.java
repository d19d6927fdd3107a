package io.tradebridge.orders.control;

import io.tradebridge.market.control.OptionsCalendar;
import io.tradebridge.orders.entity.ProductType;
import java.math.BigDecimal;

/**
 * The share of an order's value the paper exchange blocks as margin: all of it for delivery and for
 * equity carried overnight, a fifth for intraday equity (5x), 15% for futures; options by their own
 * rule ({@link #blocked}).
 */
public final class MarginRate {

  /**
   * A sold option blocks this share of its strike's value: a simplified stand-in for the SPAN and
   * exposure margin an Indian broker blocks for a short index option (about 10–15% of the
   * contract's value near the money); a bought option blocks its whole premium.
   */
  public static final BigDecimal SHORT_OPTION_RATE = new BigDecimal("0.12");

  private MarginRate() {}

  /**
   * The margin {@code quantity} units block at {@code price}: their value at the rate of {@link
   * #of}, except for an option, where a buyer pays the whole premium and a seller ({@code sold})
   * blocks {@link #SHORT_OPTION_RATE} of the strike's value whatever the premium.
   */
  public static BigDecimal blocked(
      String exchange,
      String symbol,
      ProductType product,
      boolean sold,
      BigDecimal price,
      long quantity) {
    java.util.Optional<BigDecimal> strike = OptionsCalendar.strikeInSymbol(symbol);
    if (strike.isPresent()) {
      return (sold ? strike.get().multiply(SHORT_OPTION_RATE) : price)
          .multiply(BigDecimal.valueOf(quantity));
    }
    return price.multiply(BigDecimal.valueOf(quantity)).multiply(of(exchange, product));
  }

  public static BigDecimal of(String exchange, ProductType product) {
    boolean derivatives = !("NSE".equals(exchange) || "BSE".equals(exchange));
    if (derivatives) {
      return new BigDecimal("0.15");
    }
    return product == ProductType.INTRADAY ? new BigDecimal("0.20") : BigDecimal.ONE;
  }
}
