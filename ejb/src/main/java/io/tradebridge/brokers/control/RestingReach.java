package io.tradebridge.brokers.control;

import io.tradebridge.market.control.Quote;
import io.tradebridge.orders.entity.OrderType;
import io.tradebridge.orders.entity.Side;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * How near the paper exchange's resting orders come to the market, per instrument: the highest
 * price a working buy would pay, the lowest a sell would take, the nearest untriggered stop on each
 * side, and whether any order acts whatever the price (a market remainder, a trailing stop). While
 * no quote reaches these, no resting order can fill or trigger, so the paper clock need not read
 * the book.
 *
 * <p>Only ever too eager, never too shy: an order that leaves the book (filled, cancelled) leaves
 * its price here until the next full read, which costs a needless read but never a missed fill. Not
 * thread-safe; its owner serialises access.
 */
public final class RestingReach {

  /** What matching needs to know of one working order. */
  public record Resting(
      String exchange,
      String symbol,
      Side side,
      OrderType type,
      BigDecimal price,
      BigDecimal trigger,
      boolean triggered,
      boolean trailing) {

    boolean untriggeredStop() {
      return (type == OrderType.STOP_LOSS || type == OrderType.SL_MARKET) && !triggered;
    }

    boolean atAnyPrice() {
      return trailing || type == OrderType.MARKET || type == OrderType.SL_MARKET && triggered;
    }
  }

  private static final class Reach {
    boolean always;
    BigDecimal highestBuy;
    BigDecimal lowestSell;
    BigDecimal lowestBuyTrigger;
    BigDecimal highestSellTrigger;
  }

  private final Map<String, Reach> byInstrument = new HashMap<>();

  /** Counts one working order in. */
  public void include(Resting order) {
    Reach reach =
        byInstrument.computeIfAbsent(order.exchange() + ":" + order.symbol(), k -> new Reach());
    if (order.atAnyPrice()) {
      reach.always = true;
    } else if (order.untriggeredStop()) {
      if (order.trigger() == null) {
        reach.always = true;
      } else if (order.side() == Side.BUY) {
        reach.lowestBuyTrigger = min(reach.lowestBuyTrigger, order.trigger());
      } else {
        reach.highestSellTrigger = max(reach.highestSellTrigger, order.trigger());
      }
    } else if (order.price() == null) {
      reach.always = true;
    } else if (order.side() == Side.BUY) {
      reach.highestBuy = max(reach.highestBuy, order.price());
    } else {
      reach.lowestSell = min(reach.lowestSell, order.price());
    }
  }

  /**
   * Whether any instrument's quote reaches one of its resting orders. An instrument without a quote
   * counts as reached: its orders must be looked at (and rejected).
   *
   * @param quotes the current quote of an exchange and symbol
   */
  public boolean reachedBy(BiFunction<String, String, Optional<Quote>> quotes) {
    for (Map.Entry<String, Reach> e : byInstrument.entrySet()) {
      int colon = e.getKey().indexOf(':');
      Optional<Quote> quote =
          quotes.apply(e.getKey().substring(0, colon), e.getKey().substring(colon + 1));
      if (quote.isEmpty() || reaches(e.getValue(), quote.get())) {
        return true;
      }
    }
    return false;
  }

  private static boolean reaches(Reach r, Quote q) {
    return r.always
        || r.highestBuy != null && q.ask().compareTo(r.highestBuy) <= 0
        || r.lowestSell != null && q.bid().compareTo(r.lowestSell) >= 0
        || r.lowestBuyTrigger != null && q.lastPrice().compareTo(r.lowestBuyTrigger) >= 0
        || r.highestSellTrigger != null && q.lastPrice().compareTo(r.highestSellTrigger) <= 0;
  }

  private static BigDecimal max(BigDecimal known, BigDecimal value) {
    return known == null || value.compareTo(known) > 0 ? value : known;
  }

  private static BigDecimal min(BigDecimal known, BigDecimal value) {
    return known == null || value.compareTo(known) < 0 ? value : known;
  }
}
