package io.tradebridge.brokers.boundary;

import io.tradebridge.brokers.control.RestingReach;
import io.tradebridge.common.control.EmbeddedDatabase;
import io.tradebridge.database.boundary.OnceWork;
import io.tradebridge.market.boundary.MarketSession;
import io.tradebridge.market.boundary.PaperExchange;
import io.tradebridge.market.boundary.PriceTape;
import io.tradebridge.market.control.Quote;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Once a second: prices move, then the resting paper orders the new market reaches are matched. The
 * book is read only when the {@link RestingBook} says some order may be reached. Outside market
 * hours ({@link MarketSession}) prices stand still and nothing is matched; at the open, orders
 * taken for it meet the market.
 *
 * <p>Over a shared database only the server that holds the {@link OnceWork} lease does this, and it
 * publishes its prices to the {@link PriceTape}; every other server follows them, so that all quote
 * and fill at the same prices, and a resting order is matched once, by one server.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PaperClock {

  /** How long after the whole second a following server reads the driving server's prices. */
  static final long FOLLOW_DELAY_MILLIS = 300;

  private static final Logger LOG = Logger.getLogger(PaperClock.class.getName());

  @Inject PaperExchange exchange;
  @Inject MarketSession session;
  @Inject PaperBroker broker;
  @Inject RestingBook book;
  @Inject OnceWork onceWork;
  @Inject EmbeddedDatabase database;
  @Inject PriceTape tape;

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
  public void second() {
    if (!onceWork.mine()) {
      follow();
      return;
    }
    boolean open = session.status().matching();
    if (open) {
      exchange.tick();
    } else {
      exchange.hold();
    }
    if (!database.isEmbedded()) {
      publish();
    }
    if (!open) {
      // Outside market hours nothing fills: orders taken for the open wait for it.
      return;
    }
    BiFunction<String, String, Optional<Quote>> quotes =
        (exchangeName, symbol) ->
            exchange.instrument(exchangeName, symbol).flatMap(exchange::quote);
    if (!book.worthReading(quotes)) {
      return;
    }
    // Over a shared database the book cannot tell from memory (other servers' orders are not
    // reported here) and always says yes: one aggregate asks the database before the full read.
    if (!database.isEmbedded() && !broker.workingReach().reachedBy(quotes)) {
      return;
    }
    List<String> actionable;
    book.readStarts();
    try {
      RestingReach seen = new RestingReach();
      actionable = broker.workingOrderIds(seen);
      book.readEnds(seen);
    } catch (RuntimeException e) {
      book.readFailed();
      throw e;
    }
    for (String orderId : actionable) {
      try {
        broker.work(orderId);
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "paper order {0} could not be matched: {1}",
            new Object[] {orderId, e.toString()});
      }
    }
  }

  private void publish() {
    try {
      tape.publish();
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "paper prices could not be published: {0}", e.toString());
    }
  }

  private void follow() {
    try {
      // Every server's timer fires at the same whole second, when the driving server is only
      // starting to tick: read its prices a little later, once published, not a second late.
      Thread.sleep(FOLLOW_DELAY_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    try {
      tape.follow();
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "paper prices could not be read: {0}", e.toString());
    }
  }
}
