package io.tradebridge.orders.control;

import io.tradebridge.orders.entity.ProductType;
import io.tradebridge.orders.entity.Side;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * What an account may still spend: its capital plus realised P&L, less the margin its open
 * positions and working orders block. Read once from the database per account and batch, then kept
 * up to date in memory as the batch's orders are placed, so that the 500th order of a batch is
 * checked against the 499 before it without reading the account again.
 */
public final class BuyingPower {

  /** One position: an instrument in one product. */
  public record Position(String exchange, String symbol, ProductType product) {}

  private static final class Totals {
    int buyQuantity;
    BigDecimal buyValue = BigDecimal.ZERO;
    int sellQuantity;
    BigDecimal sellValue = BigDecimal.ZERO;

    PositionBook book() {
      return new PositionBook(buyQuantity, buyValue, sellQuantity, sellValue, BigDecimal.ZERO);
    }
  }

  private final BigDecimal capital;
  private final Map<Position, Totals> positions = new LinkedHashMap<>();
  private BigDecimal blockedByOrders;
  private boolean atMarketPrices;

  /**
   * @param capital the account's virtual capital (null counts as none)
   * @param blockedByOrders the margin its working orders block
   */
  public BuyingPower(BigDecimal capital, BigDecimal blockedByOrders) {
    this.capital = capital == null ? BigDecimal.ZERO : capital;
    this.blockedByOrders = blockedByOrders;
  }

  /** Adds bought and sold totals to a position, as read from the database or filled now. */
  public void add(
      Position p, int buyQuantity, BigDecimal buyValue, int sellQuantity, BigDecimal sellValue) {
    Totals t = positions.computeIfAbsent(p, k -> new Totals());
    t.buyQuantity += buyQuantity;
    t.buyValue = t.buyValue.add(buyValue);
    t.sellQuantity += sellQuantity;
    t.sellValue = t.sellValue.add(sellValue);
  }

  /** A fill of {@code quantity} at an average {@code price}. */
  public void filled(Position p, Side side, int quantity, BigDecimal price) {
    BigDecimal value = price.multiply(BigDecimal.valueOf(quantity));
    if (side == Side.BUY) {
      add(p, quantity, value, 0, BigDecimal.ZERO);
    } else {
      add(p, 0, BigDecimal.ZERO, quantity, value);
    }
  }

  /** A working order's pending quantity at its price (or the market's, for orders without one). */
  public void resting(Position p, Side side, int pendingQuantity, BigDecimal price) {
    blockedByOrders =
        blockedByOrders.add(
            MarginRate.blocked(
                p.exchange(), p.symbol(), p.product(), side == Side.SELL, price, pendingQuantity));
  }

  /**
   * A working order's margin given back (it is cancelled, or about to be changed and asked for
   * anew).
   */
  public void released(Position p, Side side, int pendingQuantity, BigDecimal price) {
    resting(p, side, -pendingQuantity, price);
  }

  /**
   * Some of the margin is priced at the market (working orders without a price): this figure is
   * right now and drifts as quotes move, so it must not be kept for later.
   */
  public void pricedAtMarket() {
    atMarketPrices = true;
  }

  public boolean isPricedAtMarket() {
    return atMarketPrices;
  }

  /** An independent copy: a kept figure must not move with a batch that works on it. */
  public BuyingPower copy() {
    BuyingPower copy = new BuyingPower(capital, blockedByOrders);
    copy.atMarketPrices = atMarketPrices;
    positions.forEach(
        (p, t) -> copy.add(p, t.buyQuantity, t.buyValue, t.sellQuantity, t.sellValue));
    return copy;
  }

  /** Each open position's book, for callers that show them. */
  public void forEachPosition(BiConsumer<Position, PositionBook> action) {
    positions.forEach((p, t) -> action.accept(p, t.book()));
  }

  public BigDecimal capital() {
    return capital;
  }

  /** The margin positions (at their open average price) and working orders block. */
  public BigDecimal utilised() {
    BigDecimal utilised = blockedByOrders;
    for (var e : positions.entrySet()) {
      PositionBook b = e.getValue().book();
      Position p = e.getKey();
      utilised =
          utilised.add(
              MarginRate.blocked(
                  p.exchange(),
                  p.symbol(),
                  p.product(),
                  b.netQuantity() < 0,
                  b.openAveragePrice(),
                  Math.abs(b.netQuantity())));
    }
    return utilised;
  }

  public BigDecimal available() {
    BigDecimal realised = BigDecimal.ZERO;
    for (Totals t : positions.values()) {
      realised = realised.add(t.book().realisedPnl());
    }
    return capital.add(realised).subtract(utilised());
  }

  /**
   * Refuses an order whose margin exceeds what is available. The margin is the order's value at the
   * margin rate, less whatever part of it closes an open position in the same instrument and
   * product (closing frees margin, it does not need it).
   */
  public void check(Position p, Side side, int quantity, BigDecimal referencePrice) {
    RiskCheck.checkBuyingPower(required(p, side, quantity, referencePrice), available());
  }

  /**
   * The margin an order would block: its value at the margin rate, less whatever part of it closes
   * an open position in the same instrument and product.
   */
  public BigDecimal required(Position p, Side side, int quantity, BigDecimal referencePrice) {
    Totals t = positions.get(p);
    int net = t == null ? 0 : t.buyQuantity - t.sellQuantity;
    int closing =
        side == Side.SELL
            ? Math.max(0, Math.min(quantity, net))
            : Math.max(0, Math.min(quantity, -net));
    return MarginRate.blocked(
        p.exchange(),
        p.symbol(),
        p.product(),
        side == Side.SELL,
        referencePrice,
        quantity - closing);
  }
}
