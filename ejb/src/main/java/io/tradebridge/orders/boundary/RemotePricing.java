package io.tradebridge.orders.boundary;

import io.tradebridge.accounts.boundary.BrokerAccountsChanged;
import io.tradebridge.accounts.boundary.TradingAccounts;
import io.tradebridge.accounts.entity.TradingAccount;
import io.tradebridge.common.control.EmbeddedDatabase;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.market.control.Instrument;
import io.tradebridge.market.control.Quote;
import io.tradebridge.orders.entity.OrderRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asks a remote broker for an order's instrument and price on the request's own thread, before the
 * order desk: the desk commits many traders' orders in one transaction, and one call to a broker
 * inside it would hold every one of them for as long as the broker takes. The paper exchange
 * answers from memory, so its orders are priced in the desk as before.
 */
@ApplicationScoped
public class RemotePricing {

  @Inject TradingAccounts accounts;
  @Inject Brokers brokers;
  @Inject EmbeddedDatabase database;

  /**
   * Per user, whether they trade only on paper: a paper-only user's orders skip the account look-up
   * here (a query and a transaction on every paper order), and a user with a remote account skips
   * the question. Kept only where this server is the database's one writer (the one memory
   * decision, {@link EmbeddedDatabase}); forgotten when the user adds or changes an account. A user
   * missing from it is merely asked about; a stale answer costs a look-up or sends the pricing to
   * the desk, never an order to the wrong broker (the desk reads the account itself).
   */
  private final Map<String, Boolean> onlyPaper = new ConcurrentHashMap<>();

  void accountsChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) BrokerAccountsChanged changed) {
    onlyPaper.remove(changed.userId());
  }

  /**
   * The broker's instrument and price, or null when the desk should ask (paper, unknown account).
   */
  public Priced priceIfRemote(String userId, OrderRequest request) {
    if (database.isEmbedded()) {
      Boolean paper = onlyPaper.get(userId);
      if (paper == null) {
        paper = accounts.onlyPaper(userId);
        onlyPaper.put(userId, paper);
      }
      if (paper) {
        return null;
      }
    }
    TradingAccount account;
    try {
      account = accounts.byPseudoAccount(userId, request.account());
    } catch (TradebridgeException unknownAccount) {
      return null; // the desk answers it, with the same 404 as for any order
    }
    Broker broker = brokers.of(account);
    if (!brokers.remote(account)) {
      return null;
    }
    broker.check(request);
    Instrument instrument =
        broker
            .instrument(account, request.exchange().name(), request.symbol())
            .orElseThrow(
                () ->
                    TradebridgeException.orderRejected(
                        "unknown instrument "
                            + request.exchange()
                            + ":"
                            + request.symbol()
                            + " at "
                            + account.broker()
                            + "; GET /api/v1/instruments lists what can be traded"));
    Quote quote =
        broker
            .quote(account, instrument)
            .orElseThrow(
                () ->
                    TradebridgeException.orderRejected(
                        "no price for " + instrument.exchange() + ":" + instrument.symbol()));
    broker.awaitOrderTurn(account);
    return new Priced(instrument, quote);
  }
}
