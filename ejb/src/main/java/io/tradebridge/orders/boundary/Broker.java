package io.tradebridge.orders.boundary;

import io.tradebridge.accounts.boundary.BrokerLogin;
import io.tradebridge.accounts.entity.TradingAccount;
import io.tradebridge.market.control.Instrument;
import io.tradebridge.market.control.Quote;
import io.tradebridge.orders.entity.ElsewhereOrder;
import io.tradebridge.orders.entity.Order;
import io.tradebridge.orders.entity.OrderChange;
import io.tradebridge.orders.entity.OrderRequest;
import io.tradebridge.orders.entity.Sent;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Tradebridge asks of a broker, whichever sits behind a pseudo account. Orders reach an
 * adapter only after every check (idempotency, risk, approval); the adapter records on the order
 * what the broker did with it. The paper exchange is one adapter; a real broker's is another.
 */
public interface Broker extends BrokerLogin {

  /**
   * The instrument a broker-independent symbol ({@code SBIN} on {@code NSE}) names at this broker,
   * empty when the broker does not trade it. The order desk looks instruments up only here, so an
   * account's orders are checked against its own broker's lot and tick sizes.
   */
  Optional<Instrument> instrument(TradingAccount account, String exchange, String symbol);

  /**
   * Every instrument a remote broker lists today on these exchanges. The paper exchange's list is
   * the market's own and is read there.
   */
  default List<Instrument> instruments(TradingAccount account, List<String> exchanges) {
    throw new IllegalStateException(name() + " is not remote");
  }

  /** The broker's current price of an instrument: what risk checks value an order at. */
  Optional<Quote> quote(TradingAccount account, Instrument instrument);

  /**
   * Refuses, before anything is written, an order this broker cannot take (Kite: no bracket
   * orders). The request has passed the shape and risk checks already.
   */
  default void check(OrderRequest request) {}

  /**
   * Waits, briefly, until the broker's published rate limit lets one more order through for this
   * account, and throws {@code RATE_LIMITED} when it does not within that wait. Called before the
   * order is written, so an order the broker would refuse for its rate is never left behind.
   */
  default void awaitOrderTurn(TradingAccount account) {}

  /**
   * Whether the broker sits across a network: then {@link #place} only marks the order PENDING in
   * the desk's transaction, and {@link #send} delivers it after that transaction has committed, so
   * no database lock is held while the broker answers and a crash never loses a sent order.
   */
  default boolean remote() {
    return false;
  }

  /**
   * Delivers a PENDING order to a remote broker, outside any transaction. Never throws for what the
   * broker answers: every outcome, an unknown one included, is a {@link Sent}.
   */
  default Sent send(TradingAccount account, Order order) {
    throw new IllegalStateException(name() + " is not remote");
  }

  /**
   * How the broker holds these orders of one account now, found by the tag each was sent with, by
   * our order id; an order missing from the map is not at the broker. One call for the account.
   * This is how a PENDING order is settled — never by sending it again blindly — and how fills are
   * seen when a postback does not come. Throws when the broker cannot be asked now.
   */
  default Map<String, Sent.Accepted> orderBook(TradingAccount account, List<Order> orders) {
    throw new IllegalStateException(name() + " is not remote");
  }

  /**
   * Today's orders at the broker that Tradebridge did not send (the broker's own terminal, another
   * app), in our symbols; none for a broker that cannot tell. One call for the account; throws when
   * the broker cannot be asked now.
   */
  default List<ElsewhereOrder> placedElsewhere(TradingAccount account) {
    return List.of();
  }

  /** A new order that passed every check. */
  void place(Order order);

  /**
   * The order's type, quantity or prices were changed, in the change's transaction (the paper
   * exchange; a remote broker is asked first, through {@link #modifyAtBroker}).
   */
  void modify(Order order);

  /** The user cancelled the order, in the cancel's transaction (the paper exchange). */
  void cancel(Order order);

  /**
   * Asks a remote broker to change a working order, outside any transaction and before our copy
   * changes; throws, in the broker's words, when it refuses. {@code order} is as it stood, with the
   * broker's id for it ({@code OrderEdits} refuses a PENDING order before asking).
   */
  default void modifyAtBroker(TradingAccount account, Order order, OrderChange change) {
    throw new IllegalStateException(name() + " is not remote");
  }

  /**
   * Asks a remote broker to cancel a working order, outside any transaction and before our copy
   * changes; throws, in the broker's words, when it refuses.
   */
  default void cancelAtBroker(TradingAccount account, Order order) {
    throw new IllegalStateException(name() + " is not remote");
  }

  List<OrderView> orders(TradingAccount account);

  List<TradeView> trades(TradingAccount account);

  List<PositionView> positions(TradingAccount account, Portfolio.Category category);

  List<HoldingView> holdings(TradingAccount account);

  MarginsView margins(TradingAccount account);
}
