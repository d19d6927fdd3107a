package io.tradebridge.brokers.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradebridge.market.control.Quote;
import io.tradebridge.orders.entity.OrderType;
import io.tradebridge.orders.entity.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RestingReachTest {

  /** A market around {@code last}: bid 0.10 under, ask 0.10 over. */
  static Quote market(String last) {
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

  static RestingReach.Resting order(
      Side side, OrderType type, String price, String trigger, boolean triggered) {
    return new RestingReach.Resting(
        "NSE",
        "ITC",
        side,
        type,
        price == null ? null : new BigDecimal(price),
        trigger == null ? null : new BigDecimal(trigger),
        triggered,
        false);
  }

  private static boolean reached(RestingReach reach, Quote quote) {
    return reach.reachedBy(
        (exchange, symbol) ->
            "NSE".equals(exchange) && "ITC".equals(symbol) ? Optional.of(quote) : Optional.empty());
  }

  @Test
  void anEmptyBookIsReachedByNoMarket() {
    assertFalse(reached(new RestingReach(), market("430.00")));
  }

  @Test
  void aRestingBuyIsReachedOnceTheAskComesDownToItsPrice() {
    RestingReach reach = new RestingReach();
    reach.include(order(Side.BUY, OrderType.LIMIT, "390.00", null, false));
    reach.include(order(Side.BUY, OrderType.LIMIT, "400.00", null, false));
    assertFalse(reached(reach, market("430.00")));
    assertFalse(reached(reach, market("399.95")), "ask 400.05 is still above the best bid price");
    assertTrue(reached(reach, market("399.90")), "ask 400.00 meets the highest resting buy");
  }

  @Test
  void aRestingSellIsReachedOnceTheBidRisesToItsPrice() {
    RestingReach reach = new RestingReach();
    reach.include(order(Side.SELL, OrderType.LIMIT, "450.00", null, false));
    assertFalse(reached(reach, market("449.85")));
    assertTrue(reached(reach, market("450.10")));
  }

  @Test
  void untriggeredStopsAreReachedWhenTheLastPriceTouchesTheirTrigger() {
    RestingReach buyStop = new RestingReach();
    buyStop.include(order(Side.BUY, OrderType.SL_MARKET, null, "440.00", false));
    assertFalse(reached(buyStop, market("439.95")));
    assertTrue(reached(buyStop, market("440.00")));

    RestingReach sellStop = new RestingReach();
    sellStop.include(order(Side.SELL, OrderType.STOP_LOSS, "419.00", "420.00", false));
    assertFalse(reached(sellStop, market("420.05")));
    assertTrue(reached(sellStop, market("420.00")));
  }

  @Test
  void aTriggeredStopLossRestsLikeALimitAtItsPrice() {
    RestingReach reach = new RestingReach();
    reach.include(order(Side.SELL, OrderType.STOP_LOSS, "425.00", "420.00", true));
    assertFalse(reached(reach, market("425.05")), "bid 424.95 is under the price");
    assertTrue(reached(reach, market("425.10")), "bid 425.00 meets it");
  }

  @Test
  void marketRemaindersTriggeredStopMarketsAndTrailingStopsAreReachedAtAnyPrice() {
    for (RestingReach.Resting o :
        List.of(
            order(Side.BUY, OrderType.MARKET, null, null, false),
            order(Side.SELL, OrderType.SL_MARKET, null, "400.00", true),
            new RestingReach.Resting(
                "NSE",
                "ITC",
                Side.SELL,
                OrderType.SL_MARKET,
                null,
                new BigDecimal("300.00"),
                false,
                true))) {
      RestingReach reach = new RestingReach();
      reach.include(o);
      assertTrue(reached(reach, market("430.00")), o.toString());
    }
  }

  @Test
  void anInstrumentWithoutAQuoteIsReachedSoItsOrdersAreLookedAt() {
    RestingReach reach = new RestingReach();
    reach.include(
        new RestingReach.Resting(
            "NSE", "GONE", Side.BUY, OrderType.LIMIT, new BigDecimal("1.00"), null, false, false));
    assertTrue(reached(reach, market("430.00")));
  }
}
