package io.tradebridge.brokers.boundary;

import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.database.boundary.OnceWork;
import io.tradebridge.market.boundary.MarketSession;
import io.tradebridge.market.control.MarketHours;
import io.tradebridge.orders.boundary.OrderEdits;
import io.tradebridge.orders.boundary.OrderPlacement;
import io.tradebridge.orders.boundary.Placed;
import io.tradebridge.orders.boundary.Portfolio;
import io.tradebridge.orders.boundary.PositionView;
import io.tradebridge.orders.boundary.SquareOff;
import io.tradebridge.orders.entity.Order;
import io.tradebridge.orders.entity.OrderRequest;
import io.tradebridge.orders.entity.ProductType;
import io.tradebridge.protection.boundary.SecurityEvents;
import io.tradebridge.protection.entity.SecurityEventType;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Squares off the paper exchange's intraday ({@code INTRADAY}) positions at 15:20 India time, as
 * Indian brokers do: the account's working intraday orders are cancelled, then each open intraday
 * position is closed with a market order, and the account's owner finds a security event saying so.
 * It looks every 5 seconds from 15:20 to the close, so a position opened after 15:20 is closed too.
 * Only under exchange hours, and only on the server doing the once-only work.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IntradaySquareOff {

  private static final Logger LOG = Logger.getLogger(IntradaySquareOff.class.getName());

  /** What the closing orders carry in {@code comments}. */
  static final String COMMENT = "auto square-off 15:20";

  /**
   * Intraday positions come from orders of the last day: an account whose last intraday order is
   * older was squared off (or flat) at that day's 15:20.
   */
  private static final Duration LOOK_BACK = Duration.ofHours(24);

  @PersistenceContext EntityManager em;
  @Inject OnceWork onceWork;
  @Inject MarketSession session;
  @Inject OrderEdits edits;
  @Inject Portfolio portfolio;
  @Inject OrderPlacement placement;
  @Inject SecurityEvents events;
  @Inject Clock clock;

  @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
  public void sweep() {
    MarketHours.Status market = session.status();
    if (!market.matching()
        || market.squareOffAt() == null
        || market.time().isBefore(market.squareOffAt())
        || !onceWork.mine()) {
      return;
    }
    List<Object[]> accounts =
        em.createQuery(
                "SELECT DISTINCT o.userId, o.accountId, o.pseudoAccount FROM Order o"
                    + " WHERE o.broker IS NULL AND o.productType = :intraday"
                    + " AND o.updatedAt >= :since",
                Object[].class)
            .setParameter("intraday", ProductType.INTRADAY)
            .setParameter("since", clock.instant().minus(LOOK_BACK))
            .getResultList();
    for (Object[] a : accounts) {
      try {
        squareOff((String) a[0], (String) a[1], (String) a[2]);
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "intraday positions of account {0} could not be squared off: {1}",
            new Object[] {a[2], e.toString()});
      }
    }
  }

  private void squareOff(String userId, String accountId, String pseudoAccount) {
    List<String> working =
        em.createQuery(
                "SELECT o.id FROM Order o WHERE o.accountId = :account AND o.broker IS NULL"
                    + " AND o.productType = :intraday AND o.status IN :working",
                String.class)
            .setParameter("account", accountId)
            .setParameter("intraday", ProductType.INTRADAY)
            .setParameter("working", Order.WORKING_STATUSES)
            .getResultList();
    int cancelled = 0;
    for (String orderId : working) {
      try {
        edits.cancel(userId, orderId, "cancelled at 15:20 IST: intraday orders are squared off");
        cancelled++;
      } catch (TradebridgeException gone) {
        // Filled or cancelled in the meantime: nothing left to cancel.
      }
    }
    int closed = 0;
    for (PositionView p : portfolio.positions(userId, accountId, Portfolio.Category.NET)) {
      if (p.productType() != ProductType.INTRADAY || p.netQuantity() == 0) {
        continue;
      }
      OrderRequest exit = SquareOff.exitOf(p, pseudoAccount, COMMENT);
      if (placement.place(userId, null, exit, null) instanceof Placed.Accepted) {
        closed++;
      }
    }
    if (cancelled + closed > 0) {
      int positions = closed;
      int orders = cancelled;
      events.recordQuietly(
          userId,
          SecurityEventType.INTRADAY_SQUARED_OFF,
          null,
          "account "
              + pseudoAccount
              + ": "
              + positions
              + " intraday position(s) closed at market, "
              + orders
              + " intraday order(s) cancelled");
      LOG.info(
          () ->
              "intraday square-off: account "
                  + pseudoAccount
                  + ", "
                  + positions
                  + " position(s) closed, "
                  + orders
                  + " order(s) cancelled");
    }
  }
}
