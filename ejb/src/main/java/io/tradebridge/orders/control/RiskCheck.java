package io.tradebridge.orders.control;

import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.market.control.Instrument;
import io.tradebridge.market.control.Quote;
import io.tradebridge.market.control.TickSize;
import io.tradebridge.orders.entity.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Everything an order must pass before a broker sees it (API.md, "Orders" and the paper exchange's
 * rules): lot and tick sizes, the exchange's freeze quantity, a price band of 20% around the last
 * price, the account's own limits on quantity and value, and its buying power. Each refusal names
 * the limit and the number, so the trader knows what to change.
 */
public final class RiskCheck {

  static final BigDecimal BAND = new BigDecimal("0.20");

  private RiskCheck() {}

  /** The price an order is valued at: its limit price, else the side of the book it would take. */
  public static BigDecimal referencePrice(Side side, BigDecimal limitPrice, Quote quote) {
    if (limitPrice != null && limitPrice.signum() > 0) {
      return limitPrice;
    }
    return side == Side.BUY ? quote.ask() : quote.bid();
  }

  public static void check(
      Instrument instrument,
      Quote quote,
      Side side,
      int quantity,
      BigDecimal price,
      BigDecimal triggerPrice,
      int maxQuantity,
      BigDecimal maxValue) {
    if (quantity % instrument.lotSize() != 0) {
      throw TradebridgeException.orderRejected(
          "quantity "
              + quantity
              + " is not a multiple of the lot size "
              + instrument.lotSize()
              + " of "
              + instrument.symbol());
    }
    if (instrument.freezeQuantity() > 0 && quantity > instrument.freezeQuantity()) {
      throw TradebridgeException.orderRejected(
          "quantity "
              + quantity
              + " is above the exchange's freeze quantity "
              + instrument.freezeQuantity()
              + " for "
              + instrument.symbol()
              + "; split the order");
    }
    checkPrice("price", price, instrument, quote);
    checkPrice("triggerPrice", triggerPrice, instrument, quote);
    if (quantity > maxQuantity) {
      throw TradebridgeException.orderRejected(
          "quantity "
              + quantity
              + " is above this account's maximum order quantity "
              + maxQuantity);
    }
    BigDecimal value = referencePrice(side, price, quote).multiply(BigDecimal.valueOf(quantity));
    if (value.compareTo(maxValue) > 0) {
      throw TradebridgeException.orderRejected(
          "order value "
              + value.toPlainString()
              + " is above this account's maximum order value "
              + maxValue.toPlainString());
    }
  }

  private static void checkPrice(
      String field, BigDecimal price, Instrument instrument, Quote quote) {
    if (price == null || price.signum() == 0) {
      return;
    }
    if (!TickSize.isMultiple(price, instrument.tickSize())) {
      throw TradebridgeException.orderRejected(
          field
              + " "
              + price.toPlainString()
              + " is not a multiple of the tick size "
              + instrument.tickSize().toPlainString()
              + " of "
              + instrument.symbol());
    }
    BigDecimal last = quote.lastPrice();
    BigDecimal distance = price.subtract(last).abs();
    if (distance.compareTo(last.multiply(BAND)) > 0) {
      throw TradebridgeException.orderRejected(
          field
              + " "
              + price.toPlainString()
              + " is more than 20% away from the last price "
              + last.toPlainString()
              + " of "
              + instrument.symbol());
    }
  }

  /**
   * A cover order's stop must sit on the losing side of its entry, or it would fire at once: below
   * the entry for a buy, above it for a sell.
   */
  public static void checkCoverStop(Side side, BigDecimal triggerPrice, BigDecimal entry) {
    boolean protective =
        side == Side.BUY ? triggerPrice.compareTo(entry) < 0 : triggerPrice.compareTo(entry) > 0;
    if (!protective) {
      throw TradebridgeException.orderRejected(
          "the cover order's triggerPrice "
              + triggerPrice.toPlainString()
              + " must be "
              + (side == Side.BUY ? "below" : "above")
              + " the entry price "
              + entry.toPlainString());
    }
  }

  /** Refuses an order whose margin exceeds what the account has left. */
  public static void checkBuyingPower(BigDecimal required, BigDecimal available) {
    if (required.compareTo(available) > 0) {
      throw TradebridgeException.orderRejected(
          "insufficient funds: this order needs a margin of "
              + required.setScale(2, RoundingMode.HALF_UP).toPlainString()
              + " and "
              + available.setScale(2, RoundingMode.HALF_UP).toPlainString()
              + " is available");
    }
  }
}
