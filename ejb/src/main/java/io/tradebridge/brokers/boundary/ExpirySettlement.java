package io.tradebridge.brokers.boundary;

import io.tradebridge.accounts.entity.BrokerName;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.database.boundary.OnceWork;
import io.tradebridge.market.boundary.MarketSession;
import io.tradebridge.market.boundary.PaperExchange;
import io.tradebridge.market.control.Instrument;
import io.tradebridge.market.control.MarketHours;
import io.tradebridge.market.control.Quote;
import io.tradebridge.market.control.TickSize;
import io.tradebridge.orders.boundary.OrderEdits;
import io.tradebridge.orders.boundary.Portfolio;
import io.tradebridge.orders.boundary.PositionView;
import io.tradebridge.orders.entity.Order;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Settles the paper exchange's futures and options when their last trading day closes, as NSE
 * settles index derivatives, in cash: working orders in the contract are cancelled and every open
 * position is closed at the settlement price — a future at its last price, an option at what it is
 * worth exercised against its underlying's last price (nothing, out of the money). Under exchange
 * hours that is the expiry day's 15:30 India time; open at all hours, the end of the expiry day.
 * Looks every 5 seconds, on the server doing the once-only work.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExpirySettlement {

  private static final Logger LOG = Logger.getLogger(ExpirySettlement.class.getName());

  @PersistenceContext EntityManager em;
  @Inject OnceWork onceWork;
  @Inject MarketSession session;
  @Inject PaperExchange exchange;
  @Inject PaperBroker broker;
  @Inject OrderEdits edits;
  @Inject Portfolio portfolio;

  /**
   * Contracts this server has settled. An expired contract takes no new orders, so once its working
   * orders are cancelled and its positions closed there is nothing left to look for: the sweep
   * stops querying for it rather than every 5 s until the server restarts. (A server that takes the
   * once-only work over later sweeps each one once itself.)
   */
  private final Set<String> settled = ConcurrentHashMap.newKeySet();

  /**
   * The market time of the last sweep: a clock set back (a rehearsal's) forgets what was settled.
   */
  private volatile Instant lastSweep = Instant.MIN;

  @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
  public void sweep() {
    MarketHours.Status market = session.status();
    if (market.time().isBefore(lastSweep)) {
      settled.clear();
    }
    lastSweep = market.time();
    Map<String, Instrument> due =
        exchange.instruments().stream()
            .filter(
                i ->
                    i.expiry() != null
                        && !settled.contains(i.symbol())
                        && closed(i.expiry(), market))
            .collect(Collectors.toMap(Instrument::symbol, Function.identity()));
    if (due.isEmpty() || !onceWork.mine()) {
      return;
    }
    cancelWorking(due);
    List<Object[]> holders =
        em.createQuery(
                "SELECT DISTINCT p.userId, p.accountId FROM PositionTotals p, TradingAccount a"
                    + " WHERE a.id = p.accountId AND a.broker = :paper AND p.exchange = 'NFO'"
                    + " AND p.symbol IN :due",
                Object[].class)
            .setParameter("paper", BrokerName.PAPER)
            .setParameter("due", due.keySet())
            .getResultList();
    boolean complete = true;
    for (Object[] h : holders) {
      String userId = (String) h[0];
      String accountId = (String) h[1];
      for (PositionView p : portfolio.positions(userId, accountId, Portfolio.Category.NET)) {
        Instrument contract = due.get(p.symbol());
        if (contract == null || p.netQuantity() == 0 || !p.exchange().equals("NFO")) {
          continue;
        }
        Optional<BigDecimal> price = settlementPrice(contract);
        complete &= price.isPresent() && settle(userId, accountId, p, contract, price.get());
      }
    }
    if (complete) {
      settled.addAll(due.keySet());
    }
  }

  /** Whether the contract's last trading day has closed at the market's time. */
  static boolean closed(LocalDate expiry, MarketHours.Status market) {
    Instant now = market.time();
    LocalDate today = now.atZone(MarketHours.INDIA).toLocalDate();
    if (market.mode() == MarketHours.Mode.ALWAYS) {
      return today.isAfter(expiry);
    }
    LocalTime time = now.atZone(MarketHours.INDIA).toLocalTime();
    return today.isAfter(expiry) || (today.equals(expiry) && !time.isBefore(MarketHours.CLOSE));
  }

  private void cancelWorking(Map<String, Instrument> due) {
    List<Object[]> working =
        em.createQuery(
                "SELECT o.userId, o.id FROM Order o WHERE o.broker IS NULL AND o.exchange = 'NFO'"
                    + " AND o.symbol IN :due AND o.status IN :working",
                Object[].class)
            .setParameter("due", due.keySet())
            .setParameter("working", Order.WORKING_STATUSES)
            .getResultList();
    for (Object[] w : working) {
      try {
        edits.cancel((String) w[0], (String) w[1], "the contract expired: it can no longer fill");
      } catch (TradebridgeException gone) {
        // Filled or cancelled in the meantime.
      }
    }
  }

  private Optional<BigDecimal> settlementPrice(Instrument contract) {
    if (!contract.isOption()) {
      return exchange.quote(contract).map(Quote::lastPrice);
    }
    String[] key = contract.underlying().split(":", 2);
    return exchange
        .instrument(key[0], key[1])
        .flatMap(exchange::quote)
        .map(
            q -> {
              BigDecimal s = q.lastPrice();
              BigDecimal k = contract.strike();
              BigDecimal intrinsic =
                  "CE".equals(contract.optionType()) ? s.subtract(k) : k.subtract(s);
              return TickSize.round(intrinsic.max(BigDecimal.ZERO), contract.tickSize());
            });
  }

  /** Closes one position at the settlement price; false when it could not (logged, retried). */
  private boolean settle(
      String userId, String accountId, PositionView p, Instrument contract, BigDecimal price) {
    try {
      broker.settle(
          userId,
          accountId,
          p,
          price,
          "settled at expiry (" + contract.expiry() + ") at " + price.toPlainString());
      LOG.info(
          () ->
              "expiry settlement: "
                  + p.account()
                  + " "
                  + p.symbol()
                  + " "
                  + p.netQuantity()
                  + " closed at "
                  + price.toPlainString());
      return true;
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "position {0} {1} could not be settled: {2}",
          new Object[] {p.account(), p.symbol(), e.toString()});
      return false;
    }
  }
}
