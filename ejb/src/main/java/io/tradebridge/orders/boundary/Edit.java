package io.tradebridge.orders.boundary;

import io.tradebridge.accounts.entity.TradingAccount;
import io.tradebridge.orders.entity.Order;
import io.tradebridge.orders.entity.OrderChange;

/**
 * How far a change to an order got in its transaction: done there (the paper exchange), held for a
 * person, or checked and waiting for a remote broker to agree before our copy changes — which
 * happens outside any transaction, so no lock is held while the broker answers.
 */
public sealed interface Edit {

  record Done(OrderView order) implements Edit {}

  record Held(String actionId) implements Edit {}

  /** The order as it stood (detached); the broker cancels it first. */
  record CancelAtBroker(TradingAccount account, Order order, String why) implements Edit {}

  /** The order as it stood (detached) and what it becomes once the broker has agreed. */
  record ChangeAtBroker(TradingAccount account, Order order, OrderChange change) implements Edit {}
}
