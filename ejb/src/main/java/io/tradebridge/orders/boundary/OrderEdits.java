package io.tradebridge.orders.boundary;

import io.tradebridge.access.entity.KeyCaller;
import io.tradebridge.access.entity.OrderMode;
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
import io.tradebridge.orders.entity.OrderChange;
import io.tradebridge.orders.entity.OrderRequest;
import io.tradebridge.orders.entity.OrderType;
import io.tradebridge.orders.entity.PendingAction;
import io.tradebridge.orders.entity.Side;
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

/**
 * The database's part of changing and cancelling an order, each step in a transaction of its own:
 * checked (and, on paper, done) under the account's and the order's locks; for a remote broker,
 * written only once the broker has agreed ({@link Orders} asks it in between, holding no lock).
 */
@Stateless
public class OrderEdits {

  @PersistenceContext EntityManager em;
  @Inject Brokers brokers;
  @Inject Portfolio portfolio;
  @Inject Clock clock;

  public Edit cancel(String userId, String orderId, String why) {
    Order order = owned(userId, orderId);
    TradingAccount account = em.find(TradingAccount.class, order.accountId());
    if (brokers.remote(account) && !order.onPaper()) {
      requireWorking(order, "cancelled");
      requireKnownAtBroker(order);
      return new Edit.CancelAtBroker(account, order, why);
    }
    order.cancel(why, clock.instant());
    brokers.of(account).cancel(order);
    return new Edit.Done(OrderView.of(order));
  }

  /** The broker cancelled the order: ours follows, unless a postback got there first. */
  public OrderView cancelledAtBroker(String orderId, String why) {
    Order order = locked(em.find(Order.class, orderId));
    if (order.isWorking()) {
      order.cancel(why, clock.instant());
    }
    return OrderView.of(order);
  }

  /**
   * Changes a working order. A SEMI_AUTO key's change is checked like any other, then held in the
   * action center: a person approved the order, so a person approves what it becomes (a key must
   * not turn an approved 1 into an unapproved 1,000).
   */
  public Edit modify(String userId, String orderId, OrderPatch patch, KeyCaller key) {
    Order order = owned(userId, orderId);
    OrderChange change = checkedChange(order, patch);
    if (key != null && key.orderMode() == OrderMode.SEMI_AUTO) {
      PendingAction action =
          PendingAction.modification(
              Ids.newId(),
              userId,
              key.keyId(),
              OrderJson.write(asRequest(order, change)),
              order.id(),
              clock.instant());
      em.persist(action);
      return new Edit.Held(action.id());
    }
    return change(order, change);
  }

  /** The broker agreed to the change: ours follows, unless the order stopped working meanwhile. */
  public OrderView changedAtBroker(String orderId, OrderChange change) {
    Order order = locked(em.find(Order.class, orderId));
    if (order.isWorking() && change.quantity() >= order.filledQuantity()) {
      order.modify(
          change.type(), change.quantity(), change.price(), change.trigger(), clock.instant());
    }
    return OrderView.of(order);
  }

  /**
   * A held change a person approved: checked again against today's prices and limits, then made.
   */
  public Edit modifyApproved(String userId, String orderId, OrderPatch patch) {
    Order order = owned(userId, orderId);
    return change(order, checkedChange(order, patch));
  }

  private Edit change(Order order, OrderChange change) {
    TradingAccount account = em.find(TradingAccount.class, order.accountId());
    Broker broker = brokers.of(account);
    if (brokers.remote(account) && !order.onPaper()) {
      requireKnownAtBroker(order);
      return new Edit.ChangeAtBroker(account, order, change);
    }
    order.modify(
        change.type(), change.quantity(), change.price(), change.trigger(), clock.instant());
    broker.modify(order);
    return new Edit.Done(OrderView.of(order));
  }

  private static OrderRequest asRequest(Order order, OrderChange change) {
    return new OrderRequest(
        order.pseudoAccount(),
        Exchange.valueOf(order.exchange()),
        order.symbol(),
        order.side(),
        change.quantity(),
        change.type(),
        order.productType(),
        change.price(),
        change.trigger(),
        order.variety(),
        order.validity(),
        null,
        null,
        null,
        null,
        null,
        order.strategy(),
        null,
        null,
        null);
  }

  private OrderChange checkedChange(Order order, OrderPatch patch) {
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
    requireWorking(order, "modified");
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
    if (brokers.remote(account) && !order.onPaper()) {
      // The broker holds the money and checks the margin of the change itself (as for a new order).
      return new OrderChange(type, quantity, price, trigger);
    }
    // The margin the order blocks now is given back, and what it would block is asked for anew.
    BuyingPower power = portfolio.buyingPower(account);
    BuyingPower.Position position =
        new BuyingPower.Position(order.exchange(), order.symbol(), order.productType());
    BigDecimal was =
        order.price() != null
            ? order.price()
            : RiskCheck.referencePrice(order.side(), order.triggerPrice(), quote);
    power.released(position, order.side(), order.pendingQuantity(), was);
    BigDecimal becomes =
        RiskCheck.referencePrice(order.side(), price == null ? trigger : price, quote);
    power.check(position, order.side(), quantity - order.filledQuantity(), becomes);
    return new OrderChange(type, quantity, price, trigger);
  }

  /**
   * Exits a bracket or cover order: its working legs are cancelled and, if the entry left a
   * position open, a market order closes it. Returns the legs and the exit order. Only the paper
   * exchange keeps the legs as orders of ours; a remote broker's cover order is exited at the
   * broker.
   */
  public List<OrderView> cancelChildren(String userId, String orderId) {
    Order entry = owned(userId, orderId);
    if (entry.variety() == Variety.REGULAR || entry.parentOrderId() != null) {
      throw TradebridgeException.conflict("order " + orderId + " is not a bracket or cover entry");
    }
    TradingAccount account = em.find(TradingAccount.class, entry.accountId());
    Broker broker = brokers.of(account);
    if (!entry.onPaper()) {
      throw TradebridgeException.orderRejected(
          "the legs of a cover order at "
              + account.broker()
              + " are the broker's: exit it in the broker's terminal, or cancel order "
              + entry.id()
              + " while it is still open");
    }
    List<OrderView> out = new ArrayList<>();
    int open = 0;
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

  private static void requireWorking(Order order, String what) {
    if (!order.isWorking()) {
      throw TradebridgeException.conflict(
          "order " + order.id() + " is " + order.status() + " and can no longer be " + what);
    }
  }

  /** A PENDING order's fate at the broker is still being settled: nothing to change there yet. */
  private static void requireKnownAtBroker(Order order) {
    if (order.brokerOrderId() == null) {
      throw TradebridgeException.conflict(
          "order "
              + order.id()
              + " is PENDING: the broker's answer is being settled; change it once it is known");
    }
  }

  /** Another user's order is "not found". Takes the account's lock, then the order's. */
  private Order owned(String userId, String orderId) {
    Order order = orderId == null ? null : em.find(Order.class, orderId);
    if (order == null || !order.userId().equals(userId)) {
      throw TradebridgeException.notFound("order");
    }
    return locked(order);
  }

  /** The account's lock and then the order's, the order every writer locks in. */
  private Order locked(Order order) {
    em.find(TradingAccount.class, order.accountId(), LockModeType.PESSIMISTIC_WRITE);
    em.refresh(order, LockModeType.PESSIMISTIC_WRITE);
    return order;
  }
}
