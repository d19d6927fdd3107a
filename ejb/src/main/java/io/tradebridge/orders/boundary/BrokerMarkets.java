package io.tradebridge.orders.boundary;

import io.tradebridge.accounts.boundary.TradingAccounts;
import io.tradebridge.accounts.entity.TradingAccount;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.market.boundary.AccountMarket;
import io.tradebridge.market.control.Instrument;
import io.tradebridge.market.control.Quote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** Each account's market from the broker behind it; the paper exchange answers for paper. */
@ApplicationScoped
public class BrokerMarkets implements AccountMarket {

  @Inject TradingAccounts accounts;
  @Inject Brokers brokers;

  @Override
  public Optional<List<Instrument>> instruments(
      String userId, String pseudoAccount, String exchange) {
    TradingAccount account = accounts.byPseudoAccount(userId, pseudoAccount);
    Broker broker = brokers.of(account);
    if (!brokers.remote(account)) {
      return Optional.empty();
    }
    if (exchange == null) {
      throw TradebridgeException.validation(
          "exchange",
          "is required with the account of a broker (e.g. exchange=NSE): its lists hold about"
              + " 100,000 instruments");
    }
    return Optional.of(broker.instruments(account, List.of(exchange)));
  }

  @Override
  public Optional<Quote> quote(
      String userId, String pseudoAccount, String exchange, String symbol) {
    TradingAccount account = accounts.byPseudoAccount(userId, pseudoAccount);
    Broker broker = brokers.of(account);
    if (!brokers.remote(account)) {
      return Optional.empty();
    }
    Instrument instrument =
        broker
            .instrument(account, exchange, symbol)
            .orElseThrow(
                () ->
                    TradebridgeException.notFound(
                        "instrument " + exchange + ":" + symbol + " at " + account.broker()));
    return Optional.of(
        broker
            .quote(account, instrument)
            .orElseThrow(
                () ->
                    TradebridgeException.brokerUnavailable(
                        account.broker() + " gave no price for " + exchange + ":" + symbol)));
  }
}
