package io.tradebridge.brokers.boundary;

import io.tradebridge.accounts.boundary.ValidationResult;
import io.tradebridge.accounts.entity.BrokerName;
import io.tradebridge.accounts.entity.TradingAccount;
import io.tradebridge.accounts.entity.ValidationStatus;
import io.tradebridge.brokers.control.PaperMatchingEngine;
import io.tradebridge.brokers.control.RestingReach;
import io.tradebridge.brokers.control.TradingHoursRule;
import io.tradebridge.common.control.Ids;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.market.boundary.MarketSession;
import io.tradebridge.market.boundary.PaperExchange;
import io.tradebridge.market.control.Instrument;
import io.tradebridge.market.control.MarketHours;
import io.tradebridge.market.control.Quote;
import io.tradebridge.market.control.TickSize;
import io.tradebridge.orders.boundary.Broker;
import io.tradebridge.orders.boundary.HoldingView;
import io.tradebridge.orders.boundary.MarginsView;
import io.tradebridge.orders.boundary.OrderBook;
import io.tradebridge.orders.boundary.OrderView;
import io.tradebridge.orders.boundary.Portfolio;
import io.tradebridge.orders.boundary.PositionView;
import io.tradebridge.orders.boundary.TradeView;
import io.tradebridge.orders.entity.Order;
import io.tradebridge.orders.entity.OrderRequest;
import io.tradebridge.orders.entity.OrderStatus;
import io.tradebridge.orders.entity.OrderType;
import io.tradebridge.orders.entity.Side;
import io.tradebridge.orders.entity.Validity;
import io.tradebridge.orders.entity.Variety;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The built-in simulated exchange as a broker adapter: orders are matched against the paper market,
 * fills become trades and position totals in Tradebridge's own database, which is also where its
 * reads come from.
 *
 * <p>A CDI bean with {@code @Transactional}, not a stateless session bean: it runs inside the order
 * desk's transaction or on the paper clock, never as a remote or secured entry point, and the EJB
 * container's trip (pool, security and transaction look-ups) was a measurable part of every paper
 * order (issue 26's profile). The transactions are the same: joined by default, a new one per
 * matched order and per settlement; {@code TradebridgeException} rolls back as it did.
 */
@ApplicationScoped
@Transactional
public class PaperBroker implements Broker {

  @PersistenceContext EntityManager em;
  @Inject PaperExchange exchange;
  @Inject MarketSession session;
  @Inject Clock clock;

  private final PaperMatchingEngine engine = new PaperMatchingEngine();

  @Inject Portfolio portfolio;
  @Inject OrderBook book;

  @Override
  public BrokerName name() {
    return BrokerName.PAPER;
  }

  @Override
  public Optional<Instrument> instrument(
      TradingAccount account, String exchangeName, String symbol) {
    return exchange.instrument(exchangeName, symbol);
  }

  @Override
  public Optional<Quote> quote(TradingAccount account, Instrument instrument) {
    return exchange.quote(instrument);
  }

  /** Outside market hours only an after-market order is taken (see {@link TradingHoursRule}). */
  @Override
  public void check(OrderRequest request) {
    TradingHoursRule.refusal(session.status(), Boolean.TRUE.equals(request.amo()))
        .ifPresent(
            why -> {
              throw TradebridgeException.orderRejected(why);
            });
  }

  /**
   * Matches a just-placed order against the market, in the placing transaction; outside market
   * hours it rests until the open, when the paper clock matches it.
   */
  @Override
  public void place(Order order) {
    MarketHours.Status market = session.status();
    if (market.matching()) {
      match(order);
    } else {
      order.note(TradingHoursRule.waiting(market));
    }
  }

  @Override
  public void modify(Order order) {
    if (session.status().matching()) {
      match(order);
    }
  }

  /**
   * The paper exchange holds nothing of its own to withdraw: the order's status is the whole truth.
   */
  @Override
  public void cancel(Order order) {
    // nothing to tell a simulated exchange
  }

  @Override
  public ValidationResult validate(TradingAccount account, Map<String, String> credentials) {
    return new ValidationResult(ValidationStatus.VALID, "the paper exchange needs no broker login");
  }

  @Override
  public List<OrderView> orders(TradingAccount account) {
    return book.orders(account);
  }

  @Override
  public List<TradeView> trades(TradingAccount account) {
    return book.trades(account);
  }

  @Override
  public List<PositionView> positions(TradingAccount account, Portfolio.Category category) {
    return portfolio.positions(account.userId(), account.id(), category);
  }

  @Override
  public List<HoldingView> holdings(TradingAccount account) {
    return portfolio.holdings(account.userId(), account.id());
  }

  @Override
  public MarginsView margins(TradingAccount account) {
    return portfolio.margins(account);
  }

  /**
   * The resting orders the current quotes can act on. Read as a light projection, so that a book of
   * thousands of resting orders costs one query, and only orders whose price or trigger was reached
   * get a locking transaction of their own.
   *
   * @param seen receives every working order read, for the {@link RestingBook}
   */
  /**
   * How near the working paper orders come to the market, read as one aggregate per instrument,
   * side, type and trigger state: over a shared database the clock asks this every second instead
   * of reading every working order, which grew with the book (a benchmark's thousands of resting
   * orders cost the driving server most of its CPU). The extremes of each group give the same reach
   * as every order would.
   */
  public RestingReach workingReach() {
    List<Object[]> groups =
        em.createQuery(
                "SELECT o.exchange, o.symbol, o.side, o.orderType, o.triggered,"
                    + " MAX(o.price), MIN(o.price), MAX(o.triggerPrice), MIN(o.triggerPrice),"
                    + " COUNT(o), COUNT(o.price), COUNT(o.triggerPrice), COUNT(o.trailingStoploss)"
                    + " FROM Order o WHERE o.status IN :statuses AND o.broker IS NULL"
                    + " GROUP BY o.exchange, o.symbol, o.side, o.orderType, o.triggered",
                Object[].class)
            .setParameter("statuses", Order.WORKING_STATUSES)
            .getResultList();
    RestingReach reach = new RestingReach();
    for (Object[] g : groups) {
      String exchangeName = (String) g[0];
      String symbol = (String) g[1];
      Side side = (Side) g[2];
      OrderType type = (OrderType) g[3];
      boolean triggered = Boolean.TRUE.equals(g[4]);
      long all = ((Number) g[9]).longValue();
      boolean trailing = ((Number) g[12]).longValue() > 0;
      // The group's extremes, and its orders without a price or trigger, reach as far as all do.
      BiConsumer<BigDecimal, BigDecimal> include =
          (price, trigger) ->
              reach.include(
                  new RestingReach.Resting(
                      exchangeName, symbol, side, type, price, trigger, triggered, trailing));
      include.accept((BigDecimal) g[5], (BigDecimal) g[7]);
      include.accept((BigDecimal) g[6], (BigDecimal) g[8]);
      if (((Number) g[10]).longValue() < all || ((Number) g[11]).longValue() < all) {
        include.accept(null, null);
      }
    }
    return reach;
  }

  public List<String> workingOrderIds(RestingReach seen) {
    List<Object[]> rows =
        em.createQuery(
                "SELECT o.id, o.exchange, o.symbol, o.side, o.orderType, o.price, o.triggerPrice,"
                    + " o.triggered, o.trailingStoploss FROM Order o WHERE o.status IN :statuses"
                    + " AND o.broker IS NULL",
                Object[].class)
            .setParameter("statuses", Order.WORKING_STATUSES)
            .getResultList();
    java.util.Map<String, java.util.Optional<Quote>> quotes = new java.util.HashMap<>();
    List<String> actionable = new ArrayList<>();
    for (Object[] r : rows) {
      seen.include(
          new RestingReach.Resting(
              (String) r[1],
              (String) r[2],
              (Side) r[3],
              (OrderType) r[4],
              (BigDecimal) r[5],
              (BigDecimal) r[6],
              (Boolean) r[7],
              r[8] != null));
      Optional<Quote> quote =
          quotes.computeIfAbsent(
              r[1] + ":" + r[2],
              k -> exchange.instrument((String) r[1], (String) r[2]).flatMap(exchange::quote));
      if (quote.isEmpty()
          || r[8] != null
          || canAct(
              quote.get(),
              (Side) r[3],
              (OrderType) r[4],
              (BigDecimal) r[5],
              (BigDecimal) r[6],
              (Boolean) r[7])) {
        actionable.add((String) r[0]);
      }
    }
    return actionable;
  }

  /**
   * Whether matching could change the order now: its trigger was touched, or the book reaches its
   * price.
   */
  static boolean canAct(
      Quote q, Side side, OrderType type, BigDecimal price, BigDecimal trigger, boolean triggered) {
    boolean stop = type == OrderType.STOP_LOSS || type == OrderType.SL_MARKET;
    if (stop && !triggered) {
      return side == Side.BUY
          ? q.lastPrice().compareTo(trigger) >= 0
          : q.lastPrice().compareTo(trigger) <= 0;
    }
    if (type == OrderType.MARKET || type == OrderType.SL_MARKET) {
      return true;
    }
    return side == Side.BUY ? q.ask().compareTo(price) <= 0 : q.bid().compareTo(price) >= 0;
  }

  /**
   * Matches one resting order in a transaction of its own, so one failure cannot hold up the rest.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void work(String orderId) {
    Order peek = em.find(Order.class, orderId);
    if (peek == null) {
      return;
    }
    // Locks in the order every writer uses — account, then order — so that fills never deadlock
    // with placements.
    em.find(TradingAccount.class, peek.accountId(), LockModeType.PESSIMISTIC_WRITE);
    em.refresh(peek, LockModeType.PESSIMISTIC_WRITE);
    if (peek.isWorking()) {
      match(peek);
    }
  }

  private void match(Order order) {
    Instrument instrument = exchange.instrument(order.exchange(), order.symbol()).orElse(null);
    if (instrument == null) {
      order.reject("the instrument is no longer traded", clock.instant());
      return;
    }
    Quote quote = exchange.quote(instrument).orElseThrow();
    if (order.statusMessage() != null
        && order.statusMessage().startsWith(TradingHoursRule.WAITING)) {
      order.note(null);
    }
    order.trail(quote.lastPrice(), clock.instant());
    PaperMatchingEngine.Outcome outcome =
        engine.match(
            new PaperMatchingEngine.Working(
                order.side(),
                order.orderType(),
                order.quantity() - order.filledQuantity(),
                order.price(),
                order.triggerPrice(),
                order.triggered(),
                order.validity()),
            quote);
    Instant now = clock.instant();
    if (outcome.triggered() && order.isStop()) {
      order.trigger(now);
    }
    for (PaperMatchingEngine.Fill fill : outcome.fills()) {
      order.fill(fill.quantity(), fill.price(), now);
      book.traded(order, fill.quantity(), fill.price(), now);
    }
    if (outcome.filledQuantity() > 0) {
      exchange.traded(instrument, order.side() == Side.BUY, outcome.filledQuantity());
    }
    if (outcome.cancelRemainder() && order.isWorking()) {
      order.cancel(
          order.filledQuantity() > 0
              ? "IOC: "
                  + order.filledQuantity()
                  + " filled, the rest cancelled for want of depth at the price"
              : "IOC: nothing could be filled at once at the price",
          now);
    }
    if (order.needsLegs()) {
      openLegs(order, instrument);
    } else if (order.parentOrderId() != null && order.status() == OrderStatus.COMPLETE) {
      // One leg filled: the position is closed, so its sibling must not open a new one.
      for (Order sibling : children(order.parentOrderId())) {
        if (sibling != order && sibling.isWorking()) {
          sibling.cancel("the other leg of the bracket filled", now);
        }
      }
    }
  }

  /**
   * The exits of a complete bracket (target LIMIT and stop-loss SL_MARKET, one cancels the other)
   * or cover order (the stop-loss alone, at the trigger price the trader gave).
   */
  private void openLegs(Order entry, Instrument instrument) {
    Instant now = clock.instant();
    Side exit = entry.side() == Side.BUY ? Side.SELL : Side.BUY;
    BigDecimal entryPrice = entry.averagePrice();
    int direction = entry.side() == Side.BUY ? 1 : -1;
    BigDecimal stopTrigger =
        entry.variety() == Variety.CO
            ? entry.triggerPrice()
            : TickSize.round(
                entryPrice.subtract(entry.stoploss().multiply(BigDecimal.valueOf(direction))),
                instrument.tickSize());
    Order stop = leg(entry, exit, OrderType.SL_MARKET, null, stopTrigger, now);
    stop.legOf(entry, entry.variety() == Variety.BO ? entry.trailingStoploss() : null);
    em.persist(stop);
    if (entry.variety() == Variety.BO) {
      BigDecimal targetPrice =
          TickSize.round(
              entryPrice.add(entry.target().multiply(BigDecimal.valueOf(direction))),
              instrument.tickSize());
      Order target = leg(entry, exit, OrderType.LIMIT, targetPrice, null, now);
      target.legOf(entry, null);
      em.persist(target);
      match(target);
    }
    entry.legsCreated();
    match(stop);
  }

  /**
   * Closes an open position in a contract whose last trading day has closed, at its settlement
   * price (index derivatives are settled in cash): an order filled at once at that price, in a
   * transaction of its own, holding the account as every writer of its orders does.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public OrderView settle(
      String userId, String accountId, PositionView position, BigDecimal price, String why) {
    TradingAccount account =
        em.find(TradingAccount.class, accountId, LockModeType.PESSIMISTIC_WRITE);
    Instant now = clock.instant();
    Order settlement =
        new Order(
            Ids.newId(),
            userId,
            accountId,
            account.pseudoAccount(),
            null,
            null,
            position.exchange(),
            position.symbol(),
            position.netQuantity() > 0 ? Side.SELL : Side.BUY,
            Math.abs(position.netQuantity()),
            OrderType.MARKET,
            position.productType(),
            null,
            null,
            Variety.REGULAR,
            Validity.DAY,
            null,
            why,
            now);
    em.persist(settlement);
    settlement.fill(settlement.quantity(), price, now);
    settlement.explain(why);
    book.traded(settlement, settlement.quantity(), price, now);
    return OrderView.of(settlement);
  }

  private static Order leg(
      Order entry, Side side, OrderType type, BigDecimal price, BigDecimal trigger, Instant now) {
    return new Order(
        Ids.newId(),
        entry.userId(),
        entry.accountId(),
        entry.pseudoAccount(),
        entry.keyId(),
        null,
        entry.exchange(),
        entry.symbol(),
        side,
        entry.filledQuantity(),
        type,
        entry.productType(),
        price,
        trigger,
        entry.variety(),
        Validity.DAY,
        entry.strategy(),
        "leg of " + entry.id(),
        now);
  }

  private List<Order> children(String parentId) {
    return em.createNamedQuery(Order.CHILDREN, Order.class)
        .setParameter("parentId", parentId)
        .getResultList();
  }
}
