package io.tradebridge.market.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A snapshot of one instrument's market: the last price, the best bid and ask, the day's range and
 * volume, and the depth — how much can be bought at each ask level and sold at each bid level.
 */
public record Quote(
    String exchange,
    String symbol,
    BigDecimal lastPrice,
    BigDecimal bid,
    BigDecimal ask,
    BigDecimal open,
    BigDecimal high,
    BigDecimal low,
    BigDecimal close,
    long volume,
    Instant time,
    List<Level> asks,
    List<Level> bids) {

  /**
   * What a remote broker's last-price call tells: one price, which stands for bid, ask and the
   * day's range alike, with no depth.
   */
  public static Quote ofLastPrice(String exchange, String symbol, BigDecimal price, Instant at) {
    return new Quote(
        exchange, symbol, price, price, price, price, price, price, price, 0, at, List.of(),
        List.of());
  }

  /** One price level of the book. */
  public record Level(BigDecimal price, int quantity) {}
}
