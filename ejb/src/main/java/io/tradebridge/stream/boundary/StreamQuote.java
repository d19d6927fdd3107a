package io.tradebridge.stream.boundary;

import io.tradebridge.market.control.Quote;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A quote as the stream sends it (API.md, "Live updates"), with the day's range, volume and depth:
 * the same fields as GET /api/v1/quotes.
 */
public record StreamQuote(
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
    List<Quote.Level> bids,
    List<Quote.Level> asks) {

  static StreamQuote of(Quote q) {
    return new StreamQuote(
        q.exchange(),
        q.symbol(),
        q.lastPrice(),
        q.bid(),
        q.ask(),
        q.open(),
        q.high(),
        q.low(),
        q.close(),
        q.volume(),
        q.time(),
        q.bids(),
        q.asks());
  }

  /** True when a reader would see a difference (the time alone moving is not news). */
  boolean differsFrom(StreamQuote other) {
    return other == null
        || lastPrice.compareTo(other.lastPrice) != 0
        || bid.compareTo(other.bid) != 0
        || ask.compareTo(other.ask) != 0
        || volume != other.volume;
  }
}
