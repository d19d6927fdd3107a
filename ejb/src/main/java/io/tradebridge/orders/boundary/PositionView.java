package io.tradebridge.orders.boundary;

import io.tradebridge.orders.control.PositionBook;
import io.tradebridge.orders.entity.ProductType;
import java.math.BigDecimal;

/** A position as GET /api/v1/positions shows it. */
public record PositionView(
    String account,
    String exchange,
    String symbol,
    ProductType productType,
    int netQuantity,
    int buyQuantity,
    int sellQuantity,
    BigDecimal buyAveragePrice,
    BigDecimal sellAveragePrice,
    BigDecimal lastPrice,
    BigDecimal realisedPnl,
    BigDecimal unrealisedPnl,
    BigDecimal pnl) {

  static PositionView of(
      String account, String exchange, String symbol, ProductType product, PositionBook b) {
    return new PositionView(
        account,
        exchange,
        symbol,
        product,
        b.netQuantity(),
        b.buyQuantity(),
        b.sellQuantity(),
        b.buyAveragePrice(),
        b.sellAveragePrice(),
        b.lastPrice(),
        b.realisedPnl(),
        b.unrealisedPnl(),
        b.pnl());
  }
}
