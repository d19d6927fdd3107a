package io.tradebridge.brokers.boundary;

import io.tradebridge.common.control.ProblemCode;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.database.boundary.OnceWork;
import io.tradebridge.market.boundary.MarketSession;
import io.tradebridge.market.boundary.PaperExchange;
import io.tradebridge.market.control.Instrument;
import io.tradebridge.market.control.MarketHours;
import io.tradebridge.market.control.Quote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The paper market's control: an administrator holds an instrument's price (and the quantity at its
 * best bid and ask) where a rehearsal needs it — a stop-loss touched, a limit reached, a thin book
 * that fills an order in part — and lets it walk again afterwards. Every paper account on the
 * server trades against the same market, so it is off unless {@code
 * TRADEBRIDGE_PAPER_MARKET_CONTROL=true}, for training servers and the broker adapter kit.
 *
 * <p>Over a shared database only the server that drives the market may pin: the others take their
 * prices from it (and so see the pinned price a second later).
 */
@ApplicationScoped
public class PaperMarketControl {

  private static final Logger LOG = Logger.getLogger(PaperMarketControl.class.getName());

  @Inject PaperExchange exchange;
  @Inject MarketSession session;
  @Inject OnceWork onceWork;

  @Inject
  @ConfigProperty(name = "TRADEBRIDGE_PAPER_MARKET_CONTROL", defaultValue = "false")
  boolean enabled;

  /** What an administrator asks: the price to hold, and the quantity at the best bid and ask. */
  public record Pin(BigDecimal lastPrice, Integer bidQuantity, Integer askQuantity) {}

  /**
   * The paper market's hours and time to rehearse (a close, an open, a weekend): {@code hours}
   * {@code exchange} or {@code always} (absent: exchange), {@code time} the instant its time runs
   * from (absent: now).
   */
  public record Rehearsal(String hours, java.time.Instant time) {}

  public MarketHours.Status rehearse(String adminUserId, Rehearsal rehearsal) {
    requireControl();
    MarketHours.Mode mode;
    try {
      mode =
          rehearsal == null || rehearsal.hours() == null
              ? MarketHours.Mode.EXCHANGE
              : MarketHours.Mode.of(rehearsal.hours());
    } catch (IllegalArgumentException e) {
      throw TradebridgeException.validation("hours", "is exchange or always");
    }
    MarketHours.Status status = session.rehearse(mode, rehearsal == null ? null : rehearsal.time());
    LOG.info(
        () ->
            "paper market: "
                + mode
                + " hours from "
                + status.time()
                + " ("
                + status.phase()
                + ") set by administrator "
                + adminUserId);
    return status;
  }

  /** Back to the configured hours and the server's clock. */
  public MarketHours.Status endRehearsal(String adminUserId) {
    requireControl();
    MarketHours.Status status = session.reset();
    LOG.info(() -> "paper market: hours and time reset by administrator " + adminUserId);
    return status;
  }

  public Quote pin(String adminUserId, String exchangeName, String symbol, Pin pin) {
    Instrument instrument = controllable(exchangeName, symbol);
    if (pin == null || pin.lastPrice() == null || pin.lastPrice().signum() <= 0) {
      throw TradebridgeException.validation("lastPrice", "must be a price above zero");
    }
    int bid = quantity("bidQuantity", pin.bidQuantity());
    int ask = quantity("askQuantity", pin.askQuantity());
    Quote quote = exchange.pin(instrument, pin.lastPrice(), bid, ask);
    LOG.info(
        () ->
            "paper market: "
                + instrument.key()
                + " held at "
                + quote.lastPrice().toPlainString()
                + " (bid "
                + bid
                + ", ask "
                + ask
                + ") by administrator "
                + adminUserId);
    return quote;
  }

  public void release(String adminUserId, String exchangeName, String symbol) {
    Instrument instrument = controllable(exchangeName, symbol);
    exchange.release(instrument);
    LOG.info(
        () -> "paper market: " + instrument.key() + " released by administrator " + adminUserId);
  }

  private Instrument controllable(String exchangeName, String symbol) {
    requireControl();
    return exchange
        .instrument(exchangeName, symbol)
        .orElseThrow(
            () -> TradebridgeException.notFound("paper instrument " + exchangeName + ":" + symbol));
  }

  private void requireControl() {
    if (!enabled) {
      throw new TradebridgeException(
          ProblemCode.NOT_FOUND,
          "the paper market control is off on this server (TRADEBRIDGE_PAPER_MARKET_CONTROL=true"
              + " turns it on)");
    }
    if (!onceWork.mine()) {
      throw TradebridgeException.conflict(
          "this server follows another's paper market: control it on the server that drives it");
    }
  }

  /** Absent is a deep book (10,000): a price held for a trigger should not also starve fills. */
  private static int quantity(String field, Integer quantity) {
    if (quantity == null) {
      return 10_000;
    }
    if (quantity < 0) {
      throw TradebridgeException.validation(field, "must be zero or more");
    }
    return quantity;
  }
}
