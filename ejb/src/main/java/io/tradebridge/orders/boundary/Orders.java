package io.tradebridge.orders.boundary;

import io.tradebridge.access.entity.KeyCaller;
import io.tradebridge.accounts.boundary.TradingAccounts;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.orders.entity.Order;
import io.tradebridge.orders.entity.OrderStatus;
import io.tradebridge.orders.entity.Trade;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Reading, changing and cancelling a user's orders. Another user's order is "not found". Changes
 * run their database steps in {@link OrderEdits} and ask a remote broker in between.
 */
@Stateless
public class Orders {

  @PersistenceContext EntityManager em;
  @Inject TradingAccounts accounts;
  @Inject Brokers brokers;
  @Inject OrderEdits edits;
  @Inject OrderSignals signals;

  public List<OrderView> list(String userId, String pseudoAccount, OrderStatus status) {
    String accountId =
        pseudoAccount == null ? null : accounts.byPseudoAccount(userId, pseudoAccount).id();
    return em.createNamedQuery(Order.BY_USER, Order.class)
        .setParameter("userId", userId)
        .getResultStream()
        .filter(o -> accountId == null || o.accountId().equals(accountId))
        .filter(o -> status == null || o.status() == status)
        .map(OrderView::of)
        .toList();
  }

  public OrderView get(String userId, String orderId) {
    return OrderView.of(visible(userId, orderId));
  }

  /** The working orders' ids of one account (or all accounts), for cancel-all. */
  public List<String> workingOrderIds(String userId, String pseudoAccount) {
    String accountId =
        pseudoAccount == null ? null : accounts.byPseudoAccount(userId, pseudoAccount).id();
    return em.createNamedQuery(Order.BY_USER, Order.class)
        .setParameter("userId", userId)
        .getResultStream()
        .filter(o -> o.isWorking() && (accountId == null || o.accountId().equals(accountId)))
        .map(Order::id)
        .toList();
  }

  /** Cancels a working order; at a remote broker first, outside any transaction. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public OrderView cancel(String userId, String orderId) {
    return cancel(userId, orderId, "cancelled by the user");
  }

  /** Cancels a working order, with the reason its status message gives. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public OrderView cancel(String userId, String orderId, String why) {
    OrderView cancelled = finished(edits.cancel(userId, orderId, why));
    signals.changed();
    return cancelled;
  }

  /**
   * Changes a working order, or holds the change for a person when a SEMI_AUTO key asks (see {@link
   * OrderEdits#modify}); at a remote broker first, outside any transaction.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Modification modify(String userId, String orderId, OrderPatch patch, KeyCaller key) {
    Edit edit = edits.modify(userId, orderId, patch, key);
    if (edit instanceof Edit.Held held) {
      return new Modification.Held(held.actionId());
    }
    Modification changed = new Modification.Changed(finished(edit));
    signals.changed();
    return changed;
  }

  /**
   * A held change a person approved: checked again against today's prices and limits, then made.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public OrderView modifyApproved(String userId, String orderId, OrderPatch patch) {
    return finished(edits.modifyApproved(userId, orderId, patch));
  }

  /**
   * A remote broker is asked here, with no transaction open and no lock held, however long it
   * takes; our copy changes only once it agreed, and a refusal (in the broker's words) changes
   * nothing.
   */
  private OrderView finished(Edit edit) {
    if (edit instanceof Edit.CancelAtBroker cancel) {
      brokers.of(cancel.account()).cancelAtBroker(cancel.account(), cancel.order());
      return edits.cancelledAtBroker(cancel.order().id(), cancel.why());
    }
    if (edit instanceof Edit.ChangeAtBroker change) {
      brokers
          .of(change.account())
          .modifyAtBroker(change.account(), change.order(), change.change());
      return edits.changedAtBroker(change.order().id(), change.change());
    }
    if (edit instanceof Edit.Done done) {
      return done.order();
    }
    throw new IllegalStateException("a held change has no order yet: " + edit);
  }

  /**
   * Exits a bracket or cover order: its working legs are cancelled and, if the entry left a
   * position open, a market order closes it. Returns the legs and the exit order.
   */
  public List<OrderView> cancelChildren(String userId, String orderId) {
    return edits.cancelChildren(userId, orderId);
  }

  public List<TradeView> trades(String userId, String pseudoAccount) {
    String accountId =
        pseudoAccount == null ? null : accounts.byPseudoAccount(userId, pseudoAccount).id();
    return em.createNamedQuery(Trade.BY_USER, Trade.class)
        .setParameter("userId", userId)
        .getResultStream()
        .filter(t -> accountId == null || t.accountId().equals(accountId))
        .map(TradeView::of)
        .toList();
  }

  /** Another user's order is "not found". */
  private Order visible(String userId, String orderId) {
    Order order = orderId == null ? null : em.find(Order.class, orderId);
    if (order == null || !order.userId().equals(userId)) {
      throw TradebridgeException.notFound("order");
    }
    return order;
  }
}
