package io.tradebridge.orders.boundary;

import io.tradebridge.orders.entity.Side;
import io.tradebridge.orders.entity.Trade;
import java.math.BigDecimal;
import java.time.Instant;

/** One fill, as GET /api/v1/trades shows it. */
public record TradeView(
    String tradeId,
    String orderId,
    String account,
    String exchange,
    String symbol,
    Side side,
    int quantity,
    BigDecimal price,
    Instant time) {

  public static TradeView of(Trade t) {
    return new TradeView(
        t.id(),
        t.orderId(),
        t.pseudoAccount(),
        t.exchange(),
        t.symbol(),
        t.side(),
        t.quantity(),
        t.price(),
        t.time());
  }
}
