package io.tradebridge.brokers.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradebridge.brokers.control.PaperMatchingEngine.Fill;
import io.tradebridge.brokers.control.PaperMatchingEngine.Outcome;
import io.tradebridge.brokers.control.PaperMatchingEngine.Working;
import io.tradebridge.market.control.Quote;
import io.tradebridge.orders.entity.OrderType;
import io.tradebridge.orders.entity.Side;
import io.tradebridge.orders.entity.Validity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaperMatchingEngineTest {

  private final PaperMatchingEngine engine = new PaperMatchingEngine();

  /** Last 100.00, bid 99.95 / ask 100.05, 100 shares at each of three levels. */
  private static Quote quote(String last) {
    List<Quote.Level> asks =
        List.of(level("100.05", 100), level("100.10", 100), level("100.15", 100));
    List<Quote.Level> bids = List.of(level("99.95", 100), level("99.90", 100), level("99.85", 100));
    BigDecimal l = new BigDecimal(last);
    return new Quote(
        "NSE",
        "SBIN",
        l,
        new BigDecimal("99.95"),
        new BigDecimal("100.05"),
        l,
        l,
        l,
        l,
        0,
        Instant.EPOCH,
        asks,
        bids);
  }

  private static Quote.Level level(String price, int qty) {
    return new Quote.Level(new BigDecimal(price), qty);
  }

  private static Working order(
      Side side, OrderType type, int qty, String price, String trigger, Validity validity) {
    return new Working(
        side,
        type,
        qty,
        price == null ? null : new BigDecimal(price),
        trigger == null ? null : new BigDecimal(trigger),
        false,
        validity);
  }

  @Test
  void aMarketBuyFillsAtTheAskAndASellAtTheBidNotAtTheLastPrice() {
    Outcome buy =
        engine.match(
            order(Side.BUY, OrderType.MARKET, 10, null, null, Validity.DAY), quote("100.00"));
    assertEquals(List.of(new Fill(new BigDecimal("100.05"), 10)), buy.fills());
    Outcome sell =
        engine.match(
            order(Side.SELL, OrderType.MARKET, 10, null, null, Validity.DAY), quote("100.00"));
    assertEquals(List.of(new Fill(new BigDecimal("99.95"), 10)), sell.fills());
  }

  @Test
  void aLargeMarketOrderWalksTheBookAndStopsWhereTheDepthEnds() {
    Outcome outcome =
        engine.match(
            order(Side.BUY, OrderType.MARKET, 250, null, null, Validity.DAY), quote("100.00"));
    assertEquals(
        List.of(
            new Fill(new BigDecimal("100.05"), 100),
            new Fill(new BigDecimal("100.10"), 100),
            new Fill(new BigDecimal("100.15"), 50)),
        outcome.fills());
    Outcome tooBig =
        engine.match(
            order(Side.BUY, OrderType.MARKET, 500, null, null, Validity.DAY), quote("100.00"));
    assertEquals(300, tooBig.filledQuantity(), "a partial fill: the rest waits");
    assertFalse(tooBig.cancelRemainder());
  }

  @Test
  void aLimitOrderFillsOnlyAtItsPriceOrBetter() {
    assertEquals(
        0,
        engine
            .match(
                order(Side.BUY, OrderType.LIMIT, 10, "100.00", null, Validity.DAY), quote("100.00"))
            .filledQuantity());
    Outcome crossing =
        engine.match(
            order(Side.BUY, OrderType.LIMIT, 150, "100.05", null, Validity.DAY), quote("100.00"));
    assertEquals(
        List.of(new Fill(new BigDecimal("100.05"), 100)),
        crossing.fills(),
        "only the level at the limit");
    Outcome sell =
        engine.match(
            order(Side.SELL, OrderType.LIMIT, 10, "99.90", null, Validity.DAY), quote("100.00"));
    assertEquals(
        List.of(new Fill(new BigDecimal("99.95"), 10)),
        sell.fills(),
        "a better price when the book allows");
  }

  @Test
  void iocCancelsWhatItCannotFillAtOnce() {
    Outcome outcome =
        engine.match(
            order(Side.BUY, OrderType.LIMIT, 150, "100.05", null, Validity.IOC), quote("100.00"));
    assertEquals(100, outcome.filledQuantity());
    assertTrue(outcome.cancelRemainder());
    assertTrue(
        engine
            .match(
                order(Side.BUY, OrderType.LIMIT, 10, "99.00", null, Validity.IOC), quote("100.00"))
            .cancelRemainder());
  }

  @Test
  void stopOrdersWaitForTheirTriggerThenActAsLimitOrMarket() {
    Working slBuy = order(Side.BUY, OrderType.STOP_LOSS, 10, "100.10", "100.50", Validity.DAY);
    Outcome waiting = engine.match(slBuy, quote("100.00"));
    assertFalse(waiting.triggered());
    assertEquals(0, waiting.filledQuantity());
    Outcome fired = engine.match(slBuy, quote("100.50"));
    assertTrue(fired.triggered());
    assertEquals(10, fired.filledQuantity());

    Working slmSell = order(Side.SELL, OrderType.SL_MARKET, 10, null, "99.00", Validity.DAY);
    assertFalse(engine.match(slmSell, quote("99.50")).triggered());
    Outcome stopped = engine.match(slmSell, quote("98.90"));
    assertEquals(List.of(new Fill(new BigDecimal("99.95"), 10)), stopped.fills());
  }
}
