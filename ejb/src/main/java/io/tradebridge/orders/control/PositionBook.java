package io.tradebridge.orders.control;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One position's arithmetic from its bought and sold totals, by the average-price method brokers
 * show: realised P&L on the matched quantity, unrealised P&L on the open rest at the last price.
 */
public record PositionBook(
    int buyQuantity,
    BigDecimal buyValue,
    int sellQuantity,
    BigDecimal sellValue,
    BigDecimal lastPrice) {

  public int netQuantity() {
    return buyQuantity - sellQuantity;
  }

  public BigDecimal buyAveragePrice() {
    return average(buyValue, buyQuantity);
  }

  public BigDecimal sellAveragePrice() {
    return average(sellValue, sellQuantity);
  }

  public BigDecimal realisedPnl() {
    int matched = Math.min(buyQuantity, sellQuantity);
    return money(
        sellAveragePrice().subtract(buyAveragePrice()).multiply(BigDecimal.valueOf(matched)));
  }

  public BigDecimal unrealisedPnl() {
    int net = netQuantity();
    if (net > 0) {
      return money(lastPrice.subtract(buyAveragePrice()).multiply(BigDecimal.valueOf(net)));
    }
    if (net < 0) {
      return money(sellAveragePrice().subtract(lastPrice).multiply(BigDecimal.valueOf(-net)));
    }
    return money(BigDecimal.ZERO);
  }

  public BigDecimal pnl() {
    return realisedPnl().add(unrealisedPnl());
  }

  /** The average price of the open side, what margin and holdings are valued at. */
  public BigDecimal openAveragePrice() {
    return netQuantity() >= 0 ? buyAveragePrice() : sellAveragePrice();
  }

  private static BigDecimal average(BigDecimal value, int quantity) {
    return quantity == 0
        ? BigDecimal.ZERO.setScale(2)
        : value.divide(BigDecimal.valueOf(quantity), 2, RoundingMode.HALF_UP);
  }

  private static BigDecimal money(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_UP);
  }
}
