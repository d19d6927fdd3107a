package io.tradebridge.brokers.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradebridge.brokers.control.RestingReach;
import io.tradebridge.common.control.EmbeddedDatabase;
import io.tradebridge.market.control.Quote;
import io.tradebridge.orders.entity.OrderType;
import io.tradebridge.orders.entity.Side;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class RestingBookTest {

  private Instant now = Instant.parse("2026-11-24T04:00:00Z");

  private RestingBook book(boolean embedded) {
    RestingBook book = new RestingBook();
    book.database =
        new EmbeddedDatabase() {
          @Override
          public boolean isEmbedded() {
            return embedded;
          }
        };
    book.clock =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now;
          }
        };
    return book;
  }

  private static Quote market(String last) {
    BigDecimal l = new BigDecimal(last);
    BigDecimal spread = new BigDecimal("0.10");
    return new Quote(
        "NSE",
        "ITC",
        l,
        l.subtract(spread),
        l.add(spread),
        l,
        l,
        l,
        l,
        0,
        Instant.EPOCH,
        List.of(),
        List.of());
  }

  private static BiFunction<String, String, Optional<Quote>> at(String last) {
    return (exchange, symbol) -> Optional.of(market(last));
  }

  private static RestingReach.Resting buy(String price) {
    return new RestingReach.Resting(
        "NSE", "ITC", Side.BUY, OrderType.LIMIT, new BigDecimal(price), null, false, false);
  }

  /** A full read that finds {@code found} (and whatever is written while it runs). */
  private static void read(RestingBook book, RestingReach.Resting... found) {
    book.readStarts();
    RestingReach seen = new RestingReach();
    for (RestingReach.Resting o : found) {
      seen.include(o);
    }
    book.readEnds(seen);
  }

  @Test
  void afterAStartTheBookIsReadBeforeAnythingIsSkipped() {
    assertTrue(book(true).worthReading(at("430.00")));
  }

  @Test
  void aBookFarFromTheMarketIsNotReadAgainUntilTheMarketReachesIt() {
    RestingBook book = book(true);
    read(book, buy("390.00"));
    assertFalse(book.worthReading(at("430.00")));
    assertTrue(book.worthReading(at("389.90")));
  }

  @Test
  void anOrderPlacedAfterTheReadCountsAtOnce() {
    RestingBook book = book(true);
    read(book, buy("390.00"));
    book.written(buy("429.95"));
    assertTrue(
        book.worthReading(at("429.85")), "ask 429.95 reaches the order placed after the read");
  }

  @Test
  void anOrderWrittenWhileTheReadRunsIsKeptThoughTheReadMissedIt() {
    RestingBook book = book(true);
    book.readStarts();
    book.written(buy("429.95"));
    RestingReach seen = new RestingReach();
    seen.include(buy("390.00"));
    book.readEnds(seen);
    assertTrue(book.worthReading(at("429.85")));
  }

  @Test
  void theWholeBookIsReadAtLeastOnceAMinuteAndAfterAFailedRead() {
    RestingBook book = book(true);
    read(book, buy("390.00"));
    now = now.plusSeconds(RestingBook.FULL_READ_SECONDS - 1);
    assertFalse(book.worthReading(at("430.00")));
    now = now.plusSeconds(1);
    assertTrue(book.worthReading(at("430.00")));

    read(book, buy("390.00"));
    assertFalse(book.worthReading(at("430.00")));
    book.readStarts();
    book.readFailed();
    assertTrue(book.worthReading(at("430.00")));
  }

  @Test
  void overASharedDatabaseTheBookIsReadEverySecond() {
    RestingBook book = book(false);
    read(book, buy("390.00"));
    assertTrue(book.worthReading(at("430.00")), "another node's orders are never reported here");
  }

  /** Whatever the order and the market, where matching could act the book is read. */
  @Test
  void theBookIsReadWheneverMatchingCouldActOnAnOrder() {
    Random random = new Random(7);
    int acting = 0;
    for (int i = 0; i < 20_000; i++) {
      Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
      OrderType type = OrderType.values()[random.nextInt(OrderType.values().length)];
      BigDecimal price =
          type == OrderType.LIMIT || type == OrderType.STOP_LOSS ? near(random) : null;
      BigDecimal trigger =
          type == OrderType.STOP_LOSS || type == OrderType.SL_MARKET ? near(random) : null;
      boolean triggered = trigger != null && random.nextBoolean();
      Quote quote = market(near(random).toPlainString());
      RestingBook book = book(true);
      read(book);
      book.written(
          new RestingReach.Resting("NSE", "ITC", side, type, price, trigger, triggered, false));
      if (PaperBroker.canAct(quote, side, type, price, trigger, triggered)) {
        acting++;
        assertTrue(
            book.worthReading((e, s) -> Optional.of(quote)),
            side
                + " "
                + type
                + " "
                + price
                + " "
                + trigger
                + " triggered "
                + triggered
                + " at "
                + quote.lastPrice());
      }
    }
    assertTrue(acting > 5_000, "the cases include many that act: " + acting);
  }

  private static BigDecimal near(Random random) {
    return new BigDecimal("420.00").add(BigDecimal.valueOf(random.nextInt(400), 2));
  }

  @Test
  void onlyAStaleOrderMakesAReadNeedless() {
    RestingBook book = book(true);
    read(book, buy("425.00"));
    assertTrue(book.worthReading(at("424.90")));
    read(book);
    assertEquals(
        false,
        book.worthReading(at("424.90")),
        "the read found the order gone, so the book is quiet again");
  }
}
