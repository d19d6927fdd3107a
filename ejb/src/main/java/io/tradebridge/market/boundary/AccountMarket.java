package io.tradebridge.market.boundary;

import io.tradebridge.market.control.Instrument;
import io.tradebridge.market.control.Quote;
import java.util.List;
import java.util.Optional;

/**
 * The market as one trading account sees it: a broker account's instruments and prices come from
 * its broker (API.md, "Real brokers"). Implemented where brokers are known, so that the market
 * component needs to know none of them.
 */
public interface AccountMarket {

  /**
   * The instruments the account's broker lists on the exchange; empty when the account trades on
   * the paper exchange, whose own list answers.
   */
  Optional<List<Instrument>> instruments(String userId, String pseudoAccount, String exchange);

  /**
   * The account's broker's price of the instrument; empty when the account trades on the paper
   * exchange. A symbol the broker does not list is a 404.
   */
  Optional<Quote> quote(String userId, String pseudoAccount, String exchange, String symbol);
}
