package io.tradebridge.brokers.upstox.boundary;

import io.tradebridge.accounts.boundary.BrokerSessionToken;
import io.tradebridge.accounts.boundary.BrokerSessions;
import io.tradebridge.accounts.boundary.ValidationResult;
import io.tradebridge.accounts.entity.BrokerName;
import io.tradebridge.accounts.entity.TradingAccount;
import io.tradebridge.accounts.entity.ValidationStatus;
import io.tradebridge.brokers.boundary.BrokerSessionEnded;
import io.tradebridge.brokers.control.BrokerAvailability;
import io.tradebridge.brokers.control.IndianTradingDay;
import io.tradebridge.brokers.control.OrderTag;
import io.tradebridge.brokers.control.PriceCache;
import io.tradebridge.brokers.control.RemoteCalls;
import io.tradebridge.brokers.upstox.control.UpstoxErrors;
import io.tradebridge.brokers.upstox.control.UpstoxInstruments;
import io.tradebridge.brokers.upstox.control.UpstoxOrders;
import io.tradebridge.brokers.upstox.control.UpstoxRateLimits;
import io.tradebridge.brokers.upstox.control.UpstoxRateLimits.Kind;
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
import io.tradebridge.orders.entity.OrderStatus;
import io.tradebridge.orders.entity.Sent;
import io.tradebridge.orders.entity.Variety;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Upstox API v2 behind a pseudo account. The trader logs in daily through OAuth 2 (Upstox's
 * authorization dialog, our callback with {@code state}, the code traded for an access token that
 * lasts until 3:30 the next morning in India); orders are sent after the order desk has written
 * them, tagged with our order id, and Upstox's webhooks and look-ups by that tag tell how they
 * stand. The client secret and the access token never leave this class except sealed.
 */
@ApplicationScoped
public class UpstoxBroker implements Broker {

  static final LocalTime SESSION_ENDS = LocalTime.of(3, 30);

  /** How old a price may be when no turn for a price request is free in time. */
  static final Duration STALE_PRICE_LIMIT = Duration.ofSeconds(10);

  @Inject UpstoxGateway upstox;
  @Inject UpstoxInstrumentList instruments;
  @Inject BrokerSessions sessions;
  @Inject OrderBook book;
  @Inject BrokerSessionEnded sessionEnded;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(
      name = "TRADEBRIDGE_UPSTOX_LOGIN_URL",
      defaultValue = "https://api.upstox.com/v2/login/authorization/dialog")
  String loginUrl;

  /** Where Upstox publishes its instrument files ({@code <exchange>.json.gz}). */
  @Inject
  @ConfigProperty(
      name = "TRADEBRIDGE_UPSTOX_INSTRUMENTS_URL",
      defaultValue = "https://assets.upstox.com/market-quote/instruments/exchange")
  String instrumentsUrl;

  @Inject
  @ConfigProperty(name = "TRADEBRIDGE_PUBLIC_URL", defaultValue = " ")
  String publicUrl;

  @Inject
  @ConfigProperty(name = "TRADEBRIDGE_HTTPS_PORT", defaultValue = "9443")
  String httpsPort;

  private final UpstoxRateLimits limits = new UpstoxRateLimits();
  private final BrokerAvailability availability =
      new BrokerAvailability("Upstox", "TRADEBRIDGE_UPSTOX_API_URL");
  private PriceCache prices;

  @PostConstruct
  void startPriceCache() {
    prices = new PriceCache(clock);
  }

  @Override
  public BrokerName name() {
    return BrokerName.UPSTOX;
  }

  @Override
  public List<String> credentialFields() {
    return List.of("clientId", "clientSecret");
  }

  @Override
  public boolean needsDailyLogin() {
    return true;
  }

  @Override
  public boolean remote() {
    return true;
  }

  /** Upstox cannot check an app's id and secret without a login; a session is the proof. */
  @Override
  public ValidationResult validate(TradingAccount account, Map<String, String> credentials) {
    return new ValidationResult(ValidationStatus.VALID, "today's Upstox session is active");
  }

  /**
   * The redirect URI registered with the trader's Upstox app: OAuth 2 wants the same one in the
   * dialog and in the token exchange.
   */
  String redirectUri() {
    String configured = publicUrl.strip();
    String base =
        configured.isEmpty()
            ? "https://localhost:" + httpsPort.strip()
            : configured.endsWith("/")
                ? configured.substring(0, configured.length() - 1)
                : configured;
    return base + "/api/v1/brokers/UPSTOX/callback";
  }

  /** Upstox's authorization dialog, which hands {@code state} back to our callback with a code. */
  @Override
  public Optional<URI> loginPage(Map<String, String> credentials, String state) {
    return Optional.of(
        URI.create(
            loginUrl
                + "?response_type=code&client_id="
                + encoded(credentials.get("clientId"))
                + "&redirect_uri="
                + encoded(redirectUri())
                + "&state="
                + encoded(state)));
  }

  /** Upstox sent back {@code code}: traded for an access token with the app's secret. */
  @Override
  public BrokerSessionToken openSession(
      Map<String, String> credentials, Map<String, String> callback) {
    String code = callback.get("code");
    if (code == null || code.isBlank() || code.length() > 256) {
      throw TradebridgeException.validation(
          "code", "is missing from Upstox's answer; log in to Upstox again");
    }
    Form form =
        new Form()
            .param("code", code)
            .param("client_id", credentials.get("clientId"))
            .param("client_secret", credentials.get("clientSecret"))
            .param("redirect_uri", redirectUri())
            .param("grant_type", "authorization_code");
    UpstoxReply reply;
    try {
      reply = upstox.call(api -> api.token(form));
    } catch (RuntimeException unreachable) {
      throw TradebridgeException.brokerUnavailable(
          "Upstox could not be reached to finish the login; try again in a minute");
    }
    if (reply.httpStatus() / 100 != 2
        || reply.json() == null
        || !reply.json().containsKey("access_token")) {
      throw TradebridgeException.validation("code", "Upstox refused it: " + reply.message());
    }
    JsonObject token = reply.json();
    return new BrokerSessionToken(
        token.getString("access_token"),
        token.getString("user_id", null),
        IndianTradingDay.nextSessionEnd(clock.instant(), SESSION_ENDS));
  }

  @Override
  public void check(OrderRequest request) {
    if (request.variety() == Variety.BO || request.variety() == Variety.CO) {
      throw TradebridgeException.orderRejected(UpstoxOrders.ONLY_REGULAR);
    }
    if (Boolean.TRUE.equals(request.amo())) {
      throw TradebridgeException.orderRejected(
          "after-market orders (amo) are not sent to Upstox by this version; place the order when"
              + " the market is open");
    }
  }

  @Override
  public Optional<Instrument> instrument(TradingAccount account, String exchange, String symbol) {
    return listed(account, exchange, symbol).map(UpstoxInstruments.Listed::instrument);
  }

  @Override
  public List<Instrument> instruments(TradingAccount account, List<String> exchanges) {
    LocalDate today = today();
    return exchanges.stream()
        .flatMap(
            exchange ->
                instruments.all(exchange, today, () -> instrumentFile(account, exchange)).stream())
        .map(UpstoxInstruments.Listed::instrument)
        .toList();
  }

  @Override
  public Optional<Quote> quote(TradingAccount account, Instrument instrument) {
    Optional<UpstoxInstruments.Listed> listed =
        listed(account, instrument.exchange(), instrument.symbol());
    if (listed.isEmpty()) {
      return Optional.empty();
    }
    String key = listed.get().instrumentKey();
    Optional<BigDecimal> last = prices.lastPrice(key, () -> lastPriceAtUpstox(account, key));
    return last.map(
        price ->
            Quote.ofLastPrice(instrument.exchange(), instrument.symbol(), price, clock.instant()));
  }

  /**
   * One price request, in this user's turn. Upstox keys its answer by {@code EXCHANGE_SEGMENT:
   * SYMBOL}, not by the instrument key asked for, so the row is found by the key it carries.
   */
  private Optional<BigDecimal> lastPriceAtUpstox(TradingAccount account, String key) {
    if (!limits.acquire(clientId(account), Kind.OTHER)) {
      return Optional.of(
          prices
              .recent(key, STALE_PRICE_LIMIT)
              .orElseThrow(
                  () ->
                      TradebridgeException.rateLimited(
                          1,
                          "Upstox's rate limit for this account is reached; try again shortly")));
    }
    UpstoxReply reply = readCall(account, auth -> upstox.call(api -> api.ltp(auth, key)));
    for (JsonValue value : reply.data().values()) {
      if (value instanceof JsonObject row
          && key.equals(row.getString("instrument_token", ""))
          && row.get("last_price") instanceof JsonNumber last) {
        return Optional.of(last.bigDecimalValue());
      }
    }
    return Optional.empty();
  }

  @Override
  public void awaitOrderTurn(TradingAccount account) {
    if (!limits.acquire(clientId(account), Kind.ORDER)) {
      throw TradebridgeException.rateLimited(
          1,
          "Upstox takes at most 50 order calls a second and 500 a minute from one user, and"
              + " account "
              + account.pseudoAccount()
              + " is at that limit; nothing was placed — send the order again in a second");
    }
  }

  /** In the desk's transaction: written PENDING, sent once that transaction has committed. */
  @Override
  public void place(Order order) {
    order.awaitingBroker(BrokerName.UPSTOX, clock.instant());
  }

  @Override
  public Sent send(TradingAccount account, Order order) {
    String authorization;
    try {
      authorization = authorization(account);
    } catch (TradebridgeException noSession) {
      return new Sent.LoginRequired("no Upstox session today");
    }
    Optional<UpstoxInstruments.Listed> listed;
    try {
      listed = listed(account, order.exchange(), order.symbol());
    } catch (RuntimeException e) {
      return new Sent.NotSent("Upstox's instrument file could not be read");
    }
    if (listed.isEmpty()) {
      return new Sent.Refused(
          "Upstox does not list " + order.exchange() + ":" + order.symbol() + " today");
    }
    JsonObject body = UpstoxOrders.placement(order, listed.get().instrumentKey());
    UpstoxReply reply;
    try {
      reply = upstox.call(api -> api.place(authorization, body));
    } catch (RuntimeException failed) {
      return RemoteCalls.placementFailed(failed, availability, "Upstox");
    }
    availability.answered();
    if (reply.ok()) {
      return new Sent.Accepted(
          reply.data().getString("order_id"),
          new Sent.BrokerState(OrderStatus.OPEN, 0, null, "sent to Upstox"));
    }
    Sent refused = UpstoxErrors.ofPlacement(reply.httpStatus(), reply.errorCode(), reply.message());
    if (refused instanceof Sent.LoginRequired) {
      sessionEnded.of(account, "Upstox");
    }
    return refused;
  }

  /** Upstox's order book of the day, one call, matched to our orders by their tags. */
  @Override
  public Map<String, Sent.Accepted> orderBook(TradingAccount account, List<Order> orders) {
    otherTurn(account);
    UpstoxReply reply = readCall(account, auth -> upstox.sync(api -> api.orders(auth)));
    if (!reply.ok()) {
      throw TradebridgeException.brokerUnavailable(
          "Upstox's order book could not be read: " + reply.message());
    }
    Map<String, String> ourIdByTag = new HashMap<>();
    orders.forEach(o -> ourIdByTag.put(OrderTag.of(o.id()), o.id()));
    Map<String, Sent.Accepted> found = new HashMap<>();
    for (JsonValue value : reply.rows()) {
      if (value instanceof JsonObject row) {
        String ours = ourIdByTag.get(row.getString("tag", ""));
        if (ours != null) {
          found.put(ours, new Sent.Accepted(row.getString("order_id"), UpstoxOrders.state(row)));
        }
      }
    }
    return found;
  }

  /** Upstox's order book rows without our tag: orders placed in Upstox's app or elsewhere. */
  @Override
  public List<ElsewhereOrder> placedElsewhere(TradingAccount account) {
    otherTurn(account);
    UpstoxReply reply = readCall(account, auth -> upstox.sync(api -> api.orders(auth)));
    if (!reply.ok()) {
      throw TradebridgeException.brokerUnavailable(
          "Upstox's order book could not be read: " + reply.message());
    }
    Function<String, String[]> ours = ourSymbol(account);
    List<ElsewhereOrder> elsewhere = new java.util.ArrayList<>();
    for (JsonValue value : reply.rows()) {
      if (value instanceof JsonObject row) {
        UpstoxOrders.elsewhere(row, ours).ifPresent(elsewhere::add);
      }
    }
    return elsewhere;
  }

  /** One order as Upstox has it now (a webhook's news is checked here before it counts). */
  Optional<Sent.Accepted> lookUp(TradingAccount account, String upstoxOrderId) {
    otherTurn(account);
    UpstoxReply reply =
        readCall(account, auth -> upstox.call(api -> api.order(auth, upstoxOrderId)));
    if (!reply.ok() || reply.data().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Sent.Accepted(
            reply.data().getString("order_id", upstoxOrderId), UpstoxOrders.state(reply.data())));
  }

  /** Called outside any transaction: our copy changes only once Upstox has agreed. */
  @Override
  public void modifyAtBroker(TradingAccount account, Order order, OrderChange change) {
    awaitOrderTurn(account);
    JsonObject body = UpstoxOrders.modification(order, order.brokerOrderId(), change);
    UpstoxReply reply = readCall(account, auth -> upstox.call(api -> api.modify(auth, body)));
    if (!reply.ok()) {
      throw TradebridgeException.orderRejected(reply.message());
    }
  }

  /** Called outside any transaction: our copy is cancelled only once Upstox has agreed. */
  @Override
  public void cancelAtBroker(TradingAccount account, Order order) {
    awaitOrderTurn(account);
    String id = order.brokerOrderId();
    UpstoxReply reply = readCall(account, auth -> upstox.call(api -> api.cancel(auth, id)));
    if (!reply.ok()) {
      throw TradebridgeException.orderRejected(reply.message());
    }
  }

  /** Never in a transaction: Upstox is asked first ({@link #modifyAtBroker}). */
  @Override
  public void modify(Order order) {
    throw new IllegalStateException("an Upstox order is changed at Upstox first");
  }

  /** Never in a transaction: Upstox is asked first ({@link #cancelAtBroker}). */
  @Override
  public void cancel(Order order) {
    throw new IllegalStateException("an Upstox order is cancelled at Upstox first");
  }

  @Override
  public List<OrderView> orders(TradingAccount account) {
    return book.orders(account);
  }

  @Override
  public List<TradeView> trades(TradingAccount account) {
    return book.trades(account);
  }

  /** Upstox's own positions: also those taken in Upstox's app or by another program. */
  @Override
  public List<PositionView> positions(TradingAccount account, Portfolio.Category category) {
    UpstoxReply reply =
        readOk(account, "positions", auth -> upstox.call(api -> api.positions(auth)));
    Function<String, String[]> ours = ourSymbol(account);
    return reply.rows().getValuesAs(JsonObject.class).stream()
        .map(row -> UpstoxPortfolio.position(account.pseudoAccount(), row, category, ours))
        .filter(Objects::nonNull)
        .toList();
  }

  @Override
  public List<HoldingView> holdings(TradingAccount account) {
    UpstoxReply reply = readOk(account, "holdings", auth -> upstox.call(api -> api.holdings(auth)));
    Function<String, String[]> ours = ourSymbol(account);
    return reply.rows().getValuesAs(JsonObject.class).stream()
        .map(row -> UpstoxPortfolio.holding(account.pseudoAccount(), row, ours))
        .toList();
  }

  @Override
  public MarginsView margins(TradingAccount account) {
    return UpstoxPortfolio.margins(
        account.pseudoAccount(),
        readOk(account, "funds", auth -> upstox.call(api -> api.funds(auth))).data());
  }

  /** Upstox's instrument key back to our exchange and symbol, through today's files. */
  private Function<String, String[]> ourSymbol(TradingAccount account) {
    LocalDate today = today();
    return instrumentKey -> {
      String exchange = UpstoxInstruments.exchangeOfKey(instrumentKey);
      if (exchange == null) {
        return null;
      }
      return instruments
          .findByInstrumentKey(
              exchange, instrumentKey, today, () -> instrumentFile(account, exchange))
          .map(l -> new String[] {l.instrument().exchange(), l.instrument().symbol()})
          .orElse(null);
    };
  }

  private UpstoxReply readOk(
      TradingAccount account, String what, Function<String, UpstoxReply> call) {
    otherTurn(account);
    UpstoxReply reply = readCall(account, call);
    if (!reply.ok()) {
      throw TradebridgeException.brokerUnavailable(
          "Upstox's " + what + " could not be read: " + reply.message());
    }
    return reply;
  }

  /** A call in the account's session; a session Upstox ended turns the account LOGIN_REQUIRED. */
  private UpstoxReply readCall(TradingAccount account, Function<String, UpstoxReply> call) {
    String authorization = authorization(account);
    UpstoxReply reply;
    try {
      reply = call.apply(authorization);
    } catch (RuntimeException failed) {
      throw RemoteCalls.unavailable(failed, availability, "Upstox");
    }
    availability.answered();
    if (UpstoxErrors.sessionEnded(reply.httpStatus(), reply.errorCode())) {
      sessionEnded.of(account, "Upstox");
      throw TradebridgeException.orderRejected(BrokerSessions.loginRequired(account));
    }
    return reply;
  }

  private Optional<UpstoxInstruments.Listed> listed(
      TradingAccount account, String exchange, String symbol) {
    return instruments.find(exchange, symbol, today(), () -> instrumentFile(account, exchange));
  }

  /** Upstox's gzip instrument file holding our exchange, as it publishes it each morning. */
  private byte[] instrumentFile(TradingAccount account, String exchange) {
    String file = UpstoxInstruments.fileOf(exchange);
    try {
      return upstox.file(URI.create(instrumentsUrl + "/" + file + ".json.gz"));
    } catch (RuntimeException e) {
      throw TradebridgeException.brokerUnavailable(
          "Upstox's instrument file for " + file + " could not be read; try again shortly");
    }
  }

  private LocalDate today() {
    return IndianTradingDay.dateAt(clock.instant());
  }

  private void otherTurn(TradingAccount account) {
    if (!limits.acquire(clientId(account), Kind.OTHER)) {
      throw TradebridgeException.rateLimited(
          1, "Upstox's rate limit for this account is reached; try again in a second");
    }
  }

  private String clientId(TradingAccount account) {
    return sessions.credentials(account).get("clientId");
  }

  private String authorization(TradingAccount account) {
    return "Bearer " + sessions.accessToken(account);
  }

  private static String encoded(String value) {
    return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
  }
}
