package io.tradebridge.orders.boundary;

import io.tradebridge.access.entity.KeyCaller;
import io.tradebridge.access.entity.OrderMode;
import io.tradebridge.accounts.boundary.TradingAccounts;
import io.tradebridge.accounts.entity.TradingAccount;
import io.tradebridge.common.control.FieldChecks;
import io.tradebridge.common.control.Ids;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.market.control.Instrument;
import io.tradebridge.market.control.Quote;
import io.tradebridge.market.entity.Exchange;
import io.tradebridge.orders.control.BuyingPower;
import io.tradebridge.orders.control.OrderJson;
import io.tradebridge.orders.control.RiskCheck;
import io.tradebridge.orders.entity.Order;
import io.tradebridge.orders.entity.OrderRequest;
import io.tradebridge.orders.entity.OrderStatus;
import io.tradebridge.orders.entity.OrderType;
import io.tradebridge.orders.entity.PendingAction;
import io.tradebridge.orders.entity.Side;
import io.tradebridge.orders.entity.Trade;
import io.tradebridge.orders.entity.Validity;
import io.tradebridge.orders.entity.Variety;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Reading, changing and cancelling a user's orders. Another user's order is "not found". */
@Stateless
public class Orders {

  @PersistenceContext EntityManager em;
  @Inject TradingAccounts accounts;
  @Inject Brokers brokers;
  @Inject Portfolio portfolio;
  @Inject Clock clock;

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
    return OrderView.of(owned(userId, orderId, false));
  }

  public OrderView cancel(String userId, String orderId) {
    Order order = owned(userId, orderId, true);
    order.cancel("cancelled by the user", clock.instant());
    brokers.of(em.find(TradingAccount.class, order.accountId())).cancel(order);
    return OrderView.of(order);
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

  /**
   * Changes a working order. A SEMI_AUTO key's change is checked like any other, then held in the
   * action center: a person approved the order, so a person approves what it becomes (a key must
   * not turn an approved 1 into an unapproved 1,000).
   */
  public Modification modify(String userId, String orderId, OrderPatch patch, KeyCaller key) {
    Order order = owned(userId, orderId, true);
    Change change = checkedChange(order, patch);
    if (key != null && key.orderMode() == OrderMode.SEMI_AUTO) {
      PendingAction action =
          PendingAction.modification(
              Ids.newId(),
              userId,
              key.keyId(),
              OrderJson.write(change.asRequest(order)),
              order.id(),
              clock.instant());
      em.persist(action);
      return new Modification.Held(action.id());
    }
    return new Modification.Changed(apply(order, change));
  }

  /**
   * A held change a person approved: checked again against today's prices and limits, then made.
   */
  public OrderView modifyApproved(String userId, String orderId, OrderPatch patch) {
    Order order = owned(userId, orderId, true);
    return apply(order, checkedChange(order, patch));
  }

  /** An order's new type, quantity and prices, checked like a new order of that shape. */
  private record Change(OrderType type, int quantity, BigDecimal price, BigDecimal trigger) {

    OrderRequest asRequest(Order order) {
      return new OrderRequest(
          order.pseudoAccount(),
          Exchange.valueOf(order.exchange()),
          order.symbol(),
          order.side(),
          quantity,
          type,
          order.productType(),
          price,
          trigger,
          order.variety(),
          order.validity(),
          null,
          null,
          null,
          null,
          null,
          order.strategy(),
          null,
          null);
    }
  }

  private Change checkedChange(Order order, OrderPatch patch) {
    FieldChecks checks = new FieldChecks();
    if (patch.quantity() != null)
      checks.that(patch.quantity() > 0, "quantity", "must be greater than 0");
    if (patch.price() != null)
      checks.that(patch.price().signum() > 0, "price", "must be greater than 0");
    if (patch.triggerPrice() != null)
      checks.that(patch.triggerPrice().signum() > 0, "triggerPrice", "must be greater than 0");
    checks.that(
        patch.orderType() != null
            || patch.quantity() != null
            || patch.price() != null
            || patch.triggerPrice() != null,
        "body",
        "name at least one of orderType, quantity, price, triggerPrice");
    checks.orThrow();
    if (!order.isWorking()) {
      throw TradebridgeException.conflict(
          "order " + order.id() + " is " + order.status() + " and can no longer be modified");
    }
    OrderType type = patch.orderType() == null ? order.orderType() : patch.orderType();
    BigDecimal price =
        type == OrderType.MARKET || type == OrderType.SL_MARKET
            ? null
            : patch.price() != null ? patch.price() : order.price();
    BigDecimal trigger =
        type == OrderType.STOP_LOSS || type == OrderType.SL_MARKET
            ? (patch.triggerPrice() != null ? patch.triggerPrice() : order.triggerPrice())
            : null;
    new FieldChecks()
        .that(
            price != null || type == OrderType.MARKET || type == OrderType.SL_MARKET,
            "price",
            "is required for " + type + " orders")
        .that(
            trigger != null || !(type == OrderType.STOP_LOSS || type == OrderType.SL_MARKET),
            "triggerPrice",
            "is required for " + type + " orders")
        .orThrow();
    int quantity = patch.quantity() == null ? order.quantity() : patch.quantity();
    if (quantity < order.filledQuantity()) {
      throw TradebridgeException.validation(
          "quantity", "must not be below the " + order.filledQuantity() + " already filled");
    }
    TradingAccount account = em.find(TradingAccount.class, order.accountId());
    Broker broker = brokers.of(account);
    Instrument instrument =
        broker.instrument(account, order.exchange(), order.symbol()).orElseThrow();
    Quote quote = broker.quote(account, instrument).orElseThrow();
    RiskCheck.check(
        instrument,
        quote,
        order.side(),
        quantity,
        price,
        trigger,
        account.maxOrderQuantity(),
        account.maxOrderValue());
    // The margin the order blocks now is given back, and what it would block is asked for anew.
    BuyingPower power = portfolio.buyingPower(account);
    BuyingPower.Position position =
        new BuyingPower.Position(order.exchange(), order.symbol(), order.productType());
    BigDecimal was =
        order.price() != null
            ? order.price()
            : RiskCheck.referencePrice(order.side(), order.triggerPrice(), quote);
    power.released(position, order.pendingQuantity(), was);
    BigDecimal becomes =
        RiskCheck.referencePrice(order.side(), price == null ? trigger : price, quote);
    power.check(position, order.side(), quantity - order.filledQuantity(), becomes);
    return new Change(type, quantity, price, trigger);
  }

  private OrderView apply(Order order, Change change) {
    order.modify(
        change.type(), change.quantity(), change.price(), change.trigger(), clock.instant());
    brokers.of(em.find(TradingAccount.class, order.accountId())).modify(order);
    return OrderView.of(order);
  }

  /**
   * Exits a bracket or cover order: its working legs are cancelled and, if the entry left a
   * position open, a market order closes it. Returns the legs and the exit order.
   */
  public List<OrderView> cancelChildren(String userId, String orderId) {
    Order entry = owned(userId, orderId, true);
    if (entry.variety() == Variety.REGULAR || entry.parentOrderId() != null) {
      throw TradebridgeException.conflict("order " + orderId + " is not a bracket or cover entry");
    }
    List<OrderView> out = new ArrayList<>();
    int open = 0;
    Broker broker = brokers.of(em.find(TradingAccount.class, entry.accountId()));
    for (Order leg :
        em.createNamedQuery(Order.CHILDREN, Order.class)
            .setParameter("parentId", entry.id())
            .getResultList()) {
      if (leg.isWorking()) {
        open = Math.max(open, leg.quantity() - leg.filledQuantity());
        leg.cancel("exited by the user", clock.instant());
        broker.cancel(leg);
      }
      out.add(OrderView.of(leg));
    }
    if (open > 0) {
      // The exit is a new order: it meets the account's limits and the price band like any other.
      TradingAccount account = em.find(TradingAccount.class, entry.accountId());
      Instrument instrument =
          broker.instrument(account, entry.exchange(), entry.symbol()).orElseThrow();
      RiskCheck.check(
          instrument,
          broker.quote(account, instrument).orElseThrow(),
          entry.side() == Side.BUY ? Side.SELL : Side.BUY,
          open,
          null,
          null,
          account.maxOrderQuantity(),
          account.maxOrderValue());
      Order exit =
          new Order(
              Ids.newId(),
              userId,
              entry.accountId(),
              entry.pseudoAccount(),
              null,
              null,
              entry.exchange(),
              entry.symbol(),
              entry.side() == Side.BUY ? Side.SELL : Side.BUY,
              open,
              OrderType.MARKET,
              entry.productType(),
              null,
              null,
              Variety.REGULAR,
              Validity.DAY,
              entry.strategy(),
              "exit of " + entry.id(),
              clock.instant());
      em.persist(exit);
      broker.place(exit);
      out.add(OrderView.of(exit));
    }
    return out;
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

  /**
   * With {@code lock}, takes the account's lock and then the order's, the order every writer locks
   * in.
   */
  private Order owned(String userId, String orderId, boolean lock) {
    Order order = orderId == null ? null : em.find(Order.class, orderId);
    if (order == null || !order.userId().equals(userId)) {
      throw TradebridgeException.notFound("order");
    }
    if (lock) {
      em.find(TradingAccount.class, order.accountId(), LockModeType.PESSIMISTIC_WRITE);
      em.refresh(order, LockModeType.PESSIMISTIC_WRITE);
    }
    return order;
  }
}
