package io.tradebridge.orders.boundary;

import io.tradebridge.accounts.entity.TradingAccount;
import io.tradebridge.orders.entity.ElsewhereOrder;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Brings the orders a remote account's owner placed outside Tradebridge — at Kite's or Upstox's own
 * terminal, from another app — into our book, so that what follows the book (a copy rule whose
 * master trades at the terminal) sees them. A broker's postbacks tell only of orders its app
 * placed; its order book tells of all, so this reads the order book. The broker is asked with no
 * transaction open; each order is written in a short one of its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ElsewhereOrders {

  @Inject Brokers brokers;
  @Inject BrokerAnswers answers;
  @Inject OrderSignals signals;

  /**
   * @return how many orders were new or had changed
   */
  public int adopt(TradingAccount account) {
    if (!brokers.remote(account)) {
      return 0;
    }
    int written = 0;
    for (ElsewhereOrder seen : brokers.of(account).placedElsewhere(account)) {
      if (answers.adopt(account, seen)) {
        written++;
      }
    }
    if (written > 0) {
      signals.changed();
    }
    return written;
  }
}
