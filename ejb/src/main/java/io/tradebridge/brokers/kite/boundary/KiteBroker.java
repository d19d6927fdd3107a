package io.tradebridge.brokers.kite.boundary;

import io.tradebridge.accounts.boundary.BrokerSessionToken;
import io.tradebridge.accounts.boundary.BrokerSessions;
import io.tradebridge.accounts.boundary.ValidationResult;
import io.tradebridge.accounts.entity.BrokerName;
import io.tradebridge.accounts.entity.TradingAccount;
import io.tradebridge.accounts.entity.ValidationStatus;
import io.tradebridge.brokers.boundary.BrokerSessionEnded;
import io.tradebridge.brokers.control.BrokerAvailability;
import io.tradebridge.brokers.control.IndianTradingDay;
import io.tradebridge.brokers.control.PriceCache;
import io.tradebridge.brokers.control.RemoteCalls;
import io.tradebridge.brokers.kite.control.KiteChecksum;
import io.tradebridge.brokers.kite.control.KiteErrors;
import io.tradebridge.brokers.kite.control.KiteInstruments;
import io.tradebridge.brokers.kite.control.KiteOrderState;
import io.tradebridge.brokers.kite.control.KiteOrders;
import io.tradebridge.brokers.kite.control.KiteRateLimits;
import io.tradebridge.brokers.kite.control.KiteRateLimits.Kind;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.market.control.Instrument;
import io.tradebridge.market.control.Quote;
import io.tradebridge.orders.boundary.Broker;
import io.tradebridge.orders.boundary.HoldingView;
import io.tradebridge.orders.boundary.MarginsView;
import io.tradebridge.orders.boundary.OrderBook;
import io.tradebridge.orders.boundary.OrderView;
import io.tradebridge.orders.boundary.Portfolio;
import io.tradebridge.orders.boundary.PositionView;
import io.tradebridge.orders.boundary.TradeView;
import io.tradebridge.orders.entity.ElsewhereOrder;
import io.tradebridge.orders.entity.Order;
import io.tradebridge.orders.entity.OrderChange;
import io.tradebridge.orders.entity.OrderRequest;
import io.tradebridge.orders.entity.Sent;
import io.tradebridge.orders.entity.Variety;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Form;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Zerodha Kite Connect v3 behind a pseudo account. Kite ends every session at 6 in the morning
 * (India), so the trader logs in daily through our callback; orders are sent after the order desk
 * has written them, tagged with our order id, and Kite's postbacks and look-ups by that tag tell
 * how they stand. The trader's api secret and access token never leave this class except sealed.
 */
@ApplicationScoped
public class KiteBroker implements Broker {

  static final LocalTime SESSION_ENDS = LocalTime.of(6, 0);

  /** How old a price may be when Kite's one-a-second turn for prices is not free in time. */
  static final Duration STALE_PRICE_LIMIT = Duration.ofSeconds(10);

  @Inject KiteGateway kite;
  @Inject KiteInstrumentList instruments;
  @Inject BrokerSessions sessions;
  @Inject OrderBook book;
  @Inject BrokerSessionEnded sessionEnded;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(
      name = "TRADEBRIDGE_KITE_LOGIN_URL",
      defaultValue = "https://kite.zerodha.com/connect/login")
  String loginUrl;

  private final KiteRateLimits limits = new KiteRateLimits();
  private final BrokerAvailability availability =
      new BrokerAvailability("Kite", "TRADEBRIDGE_KITE_API_URL");
  private PriceCache prices;

  @PostConstruct
  void startPriceCache() {
    prices = new PriceCache(clock);
  }

  @Override
  public BrokerName name() {
    return BrokerName.KITE;
  }

  @Override
  public List<String> credentialFields() {
    return List.of("apiKey", "apiSecret");
  }

  @Override
  public boolean needsDailyLogin() {
    return true;
  }

  @Override
  public boolean remote() {
    return true;
  }

  /** Kite cannot check an app's key and secret without a login; a session is the proof. */
  @Override
  public ValidationResult validate(TradingAccount account, Map<String, String> credentials) {
    return new ValidationResult(ValidationStatus.VALID, "today's Kite session is active");
  }

  /** Kite's login page, which hands {@code redirect_params} back to our callback. */
  @Override
  public Optional<URI> loginPage(Map<String, String> credentials, String state) {
    return Optional.of(
        URI.create(
            loginUrl
                + "?v=3&api_key="
                + encoded(credentials.get("apiKey"))
                + "&redirect_params="
                + encoded("state=" + state)));
  }

  /**
   * Kite sent back {@code request_token} (and {@code status=success}); it is traded for an access
   * token with the checksum SHA-256(api key + request token + api secret).
   */
  @Override
  public BrokerSessionToken openSession(
      Map<String, String> credentials, Map<String, String> callback) {
    if (!"success".equals(callback.get("status"))) {
      throw TradebridgeException.validation(
          "status", "Kite says the login did not succeed; log in to Kite again");
    }
    String requestToken = callback.get("request_token");
    if (requestToken == null || requestToken.isBlank() || requestToken.length() > 128) {
      throw TradebridgeException.validation("request_token", "is missing from Kite's answer");
    }
    String apiKey = credentials.get("apiKey");
    Form form =
        new Form()
            .param("api_key", apiKey)
            .param("request_token", requestToken)
            .param("checksum", KiteChecksum.of(apiKey, requestToken, credentials.get("apiSecret")));
    KiteReply reply;
    try {
      reply = kite.call(api -> api.token(form));
    } catch (RuntimeException unreachable) {
      throw TradebridgeException.brokerUnavailable(
          "Kite could not be reached to finish the login; try again in a minute");
    }
    if (!reply.ok()) {
      throw TradebridgeException.validation("request_token", "Kite refused it: " + reply.message());
    }
    JsonObject data = reply.data();
    return new BrokerSessionToken(
        data.getString("access_token"),
        data.getString("user_id", null),
        IndianTradingDay.nextSessionEnd(clock.instant(), SESSION_ENDS));
  }

  @Override
  public void check(OrderRequest request) {
    if (request.variety() == Variety.BO) {
      throw TradebridgeException.orderRejected(KiteOrders.NO_BRACKET_ORDERS);
    }
    if (Boolean.TRUE.equals(request.amo())) {
      throw TradebridgeException.orderRejected(
          "after-market orders (amo) are not sent to Kite by this version; place the order when"
              + " the market is open");
    }
  }

  @Override
  public Optional<Instrument> instrument(TradingAccount account, String exchange, String symbol) {
    return listed(account, exchange, symbol).map(KiteInstruments.Listed::instrument);
  }

  @Override
  public Optional<Quote> quote(TradingAccount account, Instrument instrument) {
    Optional<KiteInstruments.Listed> listed =
        listed(account, instrument.exchange(), instrument.symbol());
    if (listed.isEmpty()) {
      return Optional.empty();
    }
    String key = instrument.exchange() + ":" + listed.get().kiteSymbol();
    Optional<BigDecimal> last = prices.lastPrice(key, () -> lastPriceAtKite(account, key));
    if (last.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal price = last.get();
    return Optional.of(
        Quote.ofLastPrice(instrument.exchange(), instrument.symbol(), price, clock.instant()));
  }

  /**
   * One price request to Kite, in this app's turn; when no turn frees within its wait, a price seen
   * in the last ten seconds serves, else the caller hears 429.
   */
  private Optional<BigDecimal> lastPriceAtKite(TradingAccount account, String key) {
    if (!limits.acquire(apiKey(account), Kind.QUOTE)) {
      return Optional.of(
          prices
              .recent(key, STALE_PRICE_LIMIT)
              .orElseThrow(
                  () ->
                      TradebridgeException.rateLimited(
                          1,
                          "Kite answers one price request a second for this account's app, and"
                              + " more are waiting; try again in a second")));
    }
    KiteReply reply = readCall(account, auth -> kite.call(api -> api.ltp(auth, List.of(key))));
    JsonValue row = reply.data().get(key);
    if (!(row instanceof JsonObject ltp) || !(ltp.get("last_price") instanceof JsonNumber last)) {
      return Optional.empty();
    }
    return Optional.of(last.bigDecimalValue());
  }

  /** Kite takes ten order calls a second and 400 a minute per app: wait for a turn, or 429. */
  @Override
  public void awaitOrderTurn(TradingAccount account) {
    if (!limits.acquire(apiKey(account), Kind.ORDER)) {
      throw TradebridgeException.rateLimited(
          1,
          "Kite takes at most 10 orders a second and 400 a minute from one app, and account "
              + account.pseudoAccount()
              + " is at that limit; nothing was placed — send the order again in a second");
    }
  }

  /** In the desk's transaction: written PENDING, sent once that transaction has committed. */
  @Override
  public void place(Order order) {
    order.awaitingBroker(BrokerName.KITE, clock.instant());
  }

  @Override
  public Sent send(TradingAccount account, Order order) {
    String authorization;
    try {
      authorization = authorization(account);
    } catch (TradebridgeException noSession) {
      return new Sent.LoginRequired("no Kite session today");
    }
    Optional<KiteInstruments.Listed> listed;
    try {
      listed = listed(account, order.exchange(), order.symbol());
    } catch (RuntimeException e) {
      return new Sent.NotSent("Kite's instrument list could not be read");
    }
    if (listed.isEmpty()) {
      return new Sent.Refused(
          "Kite does not list " + order.exchange() + ":" + order.symbol() + " today");
    }
    Form form = new Form();
    KiteOrders.placement(order, listed.get().kiteSymbol()).forEach(form::param);
    KiteReply reply;
    try {
      reply = kite.call(api -> api.place(authorization, KiteOrders.variety(order), form));
    } catch (RuntimeException failed) {
      return RemoteCalls.placementFailed(failed, availability, "Kite");
    }
    availability.answered();
    if (reply.ok()) {
      return new Sent.Accepted(
          reply.data().getString("order_id"),
          new Sent.BrokerState(
              io.tradebridge.orders.entity.OrderStatus.OPEN, 0, null, "sent to Kite"));
    }
    Sent refused = KiteErrors.ofPlacement(reply.httpStatus(), reply.errorType(), reply.message());
    if (refused instanceof Sent.LoginRequired) {
      sessionEnded.of(account, "Kite");
    }
    return refused;
  }

  /**
   * Kite's order book of the day, one call, matched to our orders by the tag each was sent with.
   */
  @Override
  public Map<String, Sent.Accepted> orderBook(TradingAccount account, List<Order> orders) {
    otherTurn(account);
    KiteReply reply = readCall(account, auth -> kite.sync(api -> api.orders(auth)));
    if (!reply.ok() || !(reply.json().get("data") instanceof JsonArray rows)) {
      throw TradebridgeException.brokerUnavailable(
          "Kite's order book could not be read: " + reply.message());
    }
    Map<String, String> ourIdByTag = new HashMap<>();
    orders.forEach(o -> ourIdByTag.put(KiteOrders.tag(o.id()), o.id()));
    Map<String, Sent.Accepted> found = new HashMap<>();
    for (JsonValue row : rows) {
      if (row instanceof JsonObject kiteOrder) {
        String ours = ourIdByTag.get(kiteOrder.getString("tag", ""));
        if (ours != null) {
          found.put(
              ours,
              new Sent.Accepted(kiteOrder.getString("order_id"), KiteOrderState.of(kiteOrder)));
        }
      }
    }
    return found;
  }

  /** Kite's order book rows without our tag: orders placed at Kite's terminal or by another app. */
  @Override
  public List<ElsewhereOrder> placedElsewhere(TradingAccount account) {
    otherTurn(account);
    KiteReply reply = readCall(account, auth -> kite.sync(api -> api.orders(auth)));
    if (!reply.ok() || !(reply.json().get("data") instanceof JsonArray rows)) {
      throw TradebridgeException.brokerUnavailable(
          "Kite's order book could not be read: " + reply.message());
    }
    java.util.function.BinaryOperator<String> ourSymbol = ourSymbol(account);
    List<ElsewhereOrder> elsewhere = new java.util.ArrayList<>();
    for (JsonValue row : rows) {
      if (row instanceof JsonObject kiteOrder) {
        KiteOrders.elsewhere(kiteOrder, ourSymbol).ifPresent(elsewhere::add);
      }
    }
    return elsewhere;
  }

  /** Called outside any transaction: our copy changes only once Kite has agreed. */
  @Override
  public void modifyAtBroker(TradingAccount account, Order order, OrderChange change) {
    awaitOrderTurn(account);
    Form form = new Form();
    KiteOrders.modification(order, change).forEach(form::param);
    KiteReply reply =
        readCall(
            account,
            auth ->
                kite.call(
                    api ->
                        api.modify(auth, KiteOrders.variety(order), order.brokerOrderId(), form)));
    if (!reply.ok()) {
      throw TradebridgeException.orderRejected(reply.message());
    }
  }

  /** Called outside any transaction: our copy is cancelled only once Kite has agreed. */
  @Override
  public void cancelAtBroker(TradingAccount account, Order order) {
    awaitOrderTurn(account);
    KiteReply reply =
        readCall(
            account,
            auth ->
                kite.call(
                    api -> api.cancel(auth, KiteOrders.variety(order), order.brokerOrderId())));
    if (!reply.ok()) {
      throw TradebridgeException.orderRejected(reply.message());
    }
  }

  /** Never in a transaction: Kite is asked first ({@link #modifyAtBroker}). */
  @Override
  public void modify(Order order) {
    throw new IllegalStateException("a Kite order is changed at Kite first");
  }

  /** Never in a transaction: Kite is asked first ({@link #cancelAtBroker}). */
  @Override
  public void cancel(Order order) {
    throw new IllegalStateException("a Kite order is cancelled at Kite first");
  }

  @Override
  public List<OrderView> orders(TradingAccount account) {
    return book.orders(account);
  }

  @Override
  public List<TradeView> trades(TradingAccount account) {
    return book.trades(account);
  }

  /** Kite's own positions: also those taken at Kite's terminal or by another app. */
  @Override
  public List<PositionView> positions(TradingAccount account, Portfolio.Category category) {
    JsonObject data = read(account, "positions", auth -> kite.call(api -> api.positions(auth)));
    JsonArray rows = data.getJsonArray(category == Portfolio.Category.DAY ? "day" : "net");
    return rows == null
        ? List.of()
        : rows.getValuesAs(JsonObject.class).stream()
            .map(row -> KitePortfolio.position(account.pseudoAccount(), row, ourSymbol(account)))
            .filter(java.util.Objects::nonNull)
            .toList();
  }

  @Override
  public List<HoldingView> holdings(TradingAccount account) {
    KiteReply reply = readOk(account, "holdings", auth -> kite.call(api -> api.holdings(auth)));
    if (!(reply.json().get("data") instanceof JsonArray rows)) {
      return List.of();
    }
    return rows.getValuesAs(JsonObject.class).stream()
        .map(row -> KitePortfolio.holding(account.pseudoAccount(), row, ourSymbol(account)))
        .toList();
  }

  @Override
  public MarginsView margins(TradingAccount account) {
    return KitePortfolio.margins(
        account.pseudoAccount(),
        read(account, "margins", auth -> kite.call(api -> api.margins(auth))));
  }

  /** A read of Kite's in this app's turn; its {@code data}, or 502 in Kite's words. */
  private JsonObject read(
      TradingAccount account, String what, java.util.function.Function<String, KiteReply> call) {
    return readOk(account, what, call).data();
  }

  private KiteReply readOk(
      TradingAccount account, String what, java.util.function.Function<String, KiteReply> call) {
    otherTurn(account);
    KiteReply reply = readCall(account, call);
    if (!reply.ok()) {
      throw TradebridgeException.brokerUnavailable(
          "Kite's " + what + " could not be read: " + reply.message());
    }
    return reply;
  }

  /** Kite's symbol back to ours, through the day's instrument list; Kite's own when unlisted. */
  private java.util.function.BinaryOperator<String> ourSymbol(TradingAccount account) {
    LocalDate today = IndianTradingDay.dateAt(clock.instant());
    return (exchange, kiteSymbol) ->
        instruments
            .findByKiteSymbol(exchange, kiteSymbol, today, () -> instrumentCsv(account, exchange))
            .map(listed -> listed.instrument().symbol())
            .orElse(kiteSymbol);
  }

  /** The account's api secret, for checking a postback's checksum. */
  String apiSecret(TradingAccount account) {
    return sessions.credentials(account).get("apiSecret");
  }

  private Optional<KiteInstruments.Listed> listed(
      TradingAccount account, String exchange, String symbol) {
    LocalDate today = IndianTradingDay.dateAt(clock.instant());
    return instruments.find(exchange, symbol, today, () -> instrumentCsv(account, exchange));
  }

  /** Kite's instrument list of one exchange today, as the CSV Kite publishes. */
  private String instrumentCsv(TradingAccount account, String exchange) {
    otherTurn(account);
    KiteReply reply = readCall(account, auth -> kite.sync(api -> api.instruments(auth, exchange)));
    if (!reply.okText()) {
      throw TradebridgeException.brokerUnavailable(
          "Kite's instrument list for " + exchange + " could not be read: " + reply.message());
    }
    return reply.text();
  }

  /** Every instrument Kite lists today on the exchanges asked for. */
  @Override
  public List<Instrument> instruments(TradingAccount account, List<String> exchanges) {
    LocalDate today = IndianTradingDay.dateAt(clock.instant());
    return exchanges.stream()
        .flatMap(
            exchange ->
                instruments.all(exchange, today, () -> instrumentCsv(account, exchange)).stream())
        .map(KiteInstruments.Listed::instrument)
        .toList();
  }

  private KiteReply readCall(
      TradingAccount account, java.util.function.Function<String, KiteReply> call) {
    String authorization = authorization(account);
    KiteReply reply;
    try {
      reply = call.apply(authorization);
    } catch (RuntimeException failed) {
      throw RemoteCalls.unavailable(failed, availability, "Kite");
    }
    availability.answered();
    if (reply.httpStatus() == 403 && "TokenException".equals(reply.errorType())) {
      sessionEnded.of(account, "Kite");
      throw TradebridgeException.orderRejected(BrokerSessions.loginRequired(account));
    }
    return reply;
  }

  private void otherTurn(TradingAccount account) {
    if (!limits.acquire(apiKey(account), Kind.OTHER)) {
      throw TradebridgeException.rateLimited(
          1, "Kite takes at most 10 requests a second from one app; try again in a second");
    }
  }

  private String apiKey(TradingAccount account) {
    return sessions.credentials(account).get("apiKey");
  }

  /** {@code token api_key:access_token}. */
  private String authorization(TradingAccount account) {
    String accessToken = sessions.accessToken(account);
    return "token " + apiKey(account) + ":" + accessToken;
  }

  private static String encoded(String value) {
    return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
  }
}
