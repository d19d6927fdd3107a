package io.tradebridge.orders.boundary;

import io.tradebridge.accounts.boundary.TradingAccounts;
import io.tradebridge.accounts.entity.TradingAccount;
import io.tradebridge.common.control.FieldChecks;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.market.control.Instrument;
import io.tradebridge.market.control.Quote;
import io.tradebridge.orders.control.BuyingPower;
import io.tradebridge.orders.control.OrderChecks;
import io.tradebridge.orders.control.RiskCheck;
import io.tradebridge.orders.entity.OrderRequest;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The margin an order would block, asked before it is sent (the ticket shows it), by the same rule
 * the paper exchange's check applies when it is placed. A remote broker holds the money and checks
 * the margin itself: for its accounts the answer says so instead of guessing.
 */
@Stateless
public class OrderMargin {

  /**
   * {@code required} and {@code available} in rupees, {@code enough} whether the order would pass
   * the margin check now; all three null, and {@code detail} saying why, where the broker checks.
   */
  public record OrderMarginView(
      String account, BigDecimal required, BigDecimal available, Boolean enough, String detail) {}

  @Inject TradingAccounts accounts;
  @Inject Brokers brokers;
  @Inject Portfolio portfolio;

  public OrderMarginView of(String userId, OrderRequest r) {
    OrderChecks.check(r);
    new FieldChecks()
        .required("account", r.account())
        .that(r.group() == null, "group", "ask for one account's margin at a time")
        .orThrow();
    TradingAccount account = accounts.byPseudoAccount(userId, r.account());
    if (brokers.remote(account)) {
      return new OrderMarginView(
          account.pseudoAccount(),
          null,
          null,
          null,
          account.broker() + " holds the money and checks the margin when the order is placed");
    }
    Broker broker = brokers.of(account);
    Instrument instrument =
        broker
            .instrument(account, r.exchange().name(), r.symbol())
            .orElseThrow(
                () ->
                    TradebridgeException.orderRejected(
                        "unknown instrument " + r.exchange() + ":" + r.symbol()));
    Quote quote =
        broker
            .quote(account, instrument)
            .orElseThrow(
                () -> TradebridgeException.orderRejected("no price for " + instrument.key()));
    BigDecimal price = nonZero(r.price());
    BigDecimal reference =
        RiskCheck.referencePrice(
            r.side(), price == null ? nonZero(r.triggerPrice()) : price, quote);
    BuyingPower power = portfolio.buyingPower(account);
    BigDecimal required =
        power.required(
            new BuyingPower.Position(instrument.exchange(), instrument.symbol(), r.productType()),
            r.side(),
            r.quantity(),
            reference);
    BigDecimal available = power.available();
    return new OrderMarginView(
        account.pseudoAccount(),
        required.setScale(2, RoundingMode.HALF_UP),
        available.setScale(2, RoundingMode.HALF_UP),
        required.compareTo(available) <= 0,
        null);
  }

  private static BigDecimal nonZero(BigDecimal value) {
    return value == null || value.signum() == 0 ? null : value;
  }
}
