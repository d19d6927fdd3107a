package io.tradebridge.brokers.control;

import io.tradebridge.market.control.Quote;
import io.tradebridge.orders.entity.OrderType;
import io.tradebridge.orders.entity.Side;
import io.tradebridge.orders.entity.Validity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * How the paper exchange fills an order against a quote. A buy takes the asks from the best
 * upwards, a sell the bids from the best downwards; a market order takes any level, a limit order
 * only levels at or better than its price; the depth at each level bounds the fill, so a large
 * order fills in part. Stop orders wait until the last price touches their trigger. Each call sees
 * the quote's full depth: paper orders do not take liquidity from one another.
 */
public final class PaperMatchingEngine {

  /** The unfilled part of an order, as the engine needs it. */
  public record Working(
      Side side,
      OrderType type,
      int remaining,
      BigDecimal price,
      BigDecimal triggerPrice,
      boolean triggered,
      Validity validity) {}

  public record Fill(BigDecimal price, int quantity) {}

  /**
   * @param triggered whether a stop order's trigger has been touched (always true for others)
   * @param cancelRemainder an IOC order's unfilled rest, to be cancelled now
   */
  public record Outcome(List<Fill> fills, boolean triggered, boolean cancelRemainder) {

    public int filledQuantity() {
      return fills.stream().mapToInt(Fill::quantity).sum();
    }
  }

  public Outcome match(Working order, Quote quote) {
    boolean stop = order.type() == OrderType.STOP_LOSS || order.type() == OrderType.SL_MARKET;
    boolean triggered = !stop || order.triggered() || touched(order, quote.lastPrice());
    if (!triggered) {
      return new Outcome(List.of(), false, false);
    }
    boolean atMarket = order.type() == OrderType.MARKET || order.type() == OrderType.SL_MARKET;
    List<Quote.Level> book = order.side() == Side.BUY ? quote.asks() : quote.bids();
    List<Fill> fills = new ArrayList<>();
    int remaining = order.remaining();
    for (Quote.Level level : book) {
      if (remaining == 0 || (!atMarket && !acceptable(order, level.price()))) {
        break;
      }
      int take = Math.min(remaining, level.quantity());
      if (take > 0) {
        fills.add(new Fill(level.price(), take));
        remaining -= take;
      }
    }
    return new Outcome(List.copyOf(fills), true, order.validity() == Validity.IOC && remaining > 0);
  }

  private static boolean touched(Working order, BigDecimal last) {
    int cmp = last.compareTo(order.triggerPrice());
    return order.side() == Side.BUY ? cmp >= 0 : cmp <= 0;
  }

  private static boolean acceptable(Working order, BigDecimal levelPrice) {
    int cmp = levelPrice.compareTo(order.price());
    return order.side() == Side.BUY ? cmp <= 0 : cmp >= 0;
  }
}
