package io.tradebridge.market.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PriceSimulatorTest {

  private final InstrumentCatalog catalog =
      InstrumentCatalog.bundled(java.time.LocalDate.of(2026, 12, 6));
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T05:00:00Z"), ZoneOffset.UTC);

  @Test
  void theCatalogHoldsTheNifty50AndIndexFuturesWithNseTickSizes() {
    assertEquals(50, catalog.all().stream().filter(i -> i.exchange().equals("NSE")).count());
    Instrument sbin = catalog.find("NSE", "sbin").orElseThrow();
    assertEquals(new BigDecimal("0.05"), sbin.tickSize());
    assertEquals(new BigDecimal("1.00"), catalog.find("NSE", "MARUTI").orElseThrow().tickSize());
    Instrument nifty = catalog.find("NFO", "NIFTY_29-DEC-2026_FUT").orElseThrow();
    assertEquals(75, nifty.lotSize());
    assertEquals(1800, nifty.freezeQuantity());
  }

  @Test
  void anOptionsPremiumFollowsItsUnderlyingNotAWalkOfItsOwn() {
    PriceSimulator market = new PriceSimulator(catalog.all(), 7, clock);
    String future = "NFO:NIFTY_29-DEC-2026_FUT";
    String call = "NFO:NIFTY_29-DEC-2026_26250_CE";
    String put = "NFO:NIFTY_29-DEC-2026_26250_PE";
    market.pin(future, new BigDecimal("26250.00"), 100, 100);
    market.tick();
    BigDecimal callBefore = market.quote(call).lastPrice();
    BigDecimal putBefore = market.quote(put).lastPrice();
    market.tick();
    assertEquals(callBefore, market.quote(call).lastPrice(), "the underlying held: so is it");

    market.pin(future, new BigDecimal("26775.00"), 100, 100);
    market.tick();
    BigDecimal callAfter = market.quote(call).lastPrice();
    BigDecimal putAfter = market.quote(put).lastPrice();
    assertTrue(
        callAfter.compareTo(callBefore.add(new BigDecimal("250"))) > 0,
        callBefore + " → " + callAfter);
    assertTrue(putAfter.compareTo(putBefore) < 0, putBefore + " → " + putAfter);
    assertEquals(
        0,
        callAfter.remainder(TickSize.OPTIONS).signum(),
        "premiums move by 5 paise: " + callAfter);
  }

  @Test
  void theSameSeedReplaysTheSamePrices() {
    PriceSimulator a = new PriceSimulator(catalog.all(), 42, clock);
    PriceSimulator b = new PriceSimulator(catalog.all(), 42, clock);
    for (int i = 0; i < 100; i++) {
      a.tick();
      b.tick();
    }
    assertEquals(a.quote("NSE:SBIN"), b.quote("NSE:SBIN"));
  }

  @Test
  void bidIsBelowAskOnTicksAndPricesWander() {
    PriceSimulator sim = new PriceSimulator(catalog.all(), 7, clock);
    BigDecimal start = sim.quote("NSE:RELIANCE").lastPrice();
    boolean moved = false;
    for (int i = 0; i < 200; i++) {
      sim.tick();
      Quote q = sim.quote("NSE:RELIANCE");
      assertTrue(q.bid().compareTo(q.ask()) < 0, q.toString());
      assertTrue(
          TickSize.isMultiple(q.lastPrice(), new BigDecimal("0.10")),
          q.lastPrice().toPlainString());
      assertTrue(q.low().compareTo(q.lastPrice()) <= 0 && q.high().compareTo(q.lastPrice()) >= 0);
      moved |= q.lastPrice().compareTo(start) != 0;
    }
    assertTrue(moved);
  }

  @Test
  void aPinnedPriceStaysWhereItWasPutAndWhatFillsTakeFromItsDepthIsGone() {
    PriceSimulator market = new PriceSimulator(catalog.all(), 7, clock);
    market.pin("NSE:SBIN", new BigDecimal("480.03"), 100, 4);
    for (int i = 0; i < 50; i++) {
      market.tick();
    }
    Quote held = market.quote("NSE:SBIN");
    assertEquals(new BigDecimal("480.05"), held.lastPrice(), "rounded to the tick, then held");
    assertEquals(4, held.asks().get(0).quantity());
    assertEquals(0, held.asks().get(1).quantity(), "nothing deeper than the best ask");

    market.traded("NSE:SBIN", true, 3);
    assertEquals(1, market.quote("NSE:SBIN").asks().get(0).quantity());
    assertEquals(100, market.quote("NSE:SBIN").bids().get(0).quantity(), "a buy takes asks only");

    market.release("NSE:SBIN");
    boolean moved = false;
    for (int i = 0; i < 50 && !moved; i++) {
      market.tick();
      moved = !market.quote("NSE:SBIN").lastPrice().equals(held.lastPrice());
    }
    assertTrue(moved, "released, it walks again from where it was held");
    assertTrue(market.quote("NSE:SBIN").asks().get(1).quantity() > 0, "with fresh depth");
  }
}
