package io.tradebridge.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;

/**
 * Upstox API v2 on loopback, for the tests: what its published documentation and its
 * OpenAPI-generated SDKs (upstox-python's docs) show — the OAuth 2 dialog and token exchange,
 * {@code Api-Version: 2.0}, {@code Authorization: Bearer}, JSON order bodies keyed by instrument
 * key, lower-case statuses, {@code {"status":"error","errors":[…]}} — strict about what it accepts:
 * anything Upstox would refuse is refused here too and recorded as a violation, which fails the
 * test. Webhooks are posted, unsigned, to the app's postback URL as Upstox does.
 */
public final class UpstoxStandIn implements AutoCloseable {

  static final String SBIN = "NSE_EQ|INE062A01020";
  static final String INFY = "NSE_EQ|INE009A01021";
  static final String BANKNIFTY_FUT = "NSE_FO|47567";

  private static final DateTimeFormatter UPSTOX_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private static final Set<String> PLACE_FIELDS =
      Set.of(
          "quantity",
          "product",
          "validity",
          "price",
          "tag",
          "instrument_token",
          "order_type",
          "transaction_type",
          "disclosed_quantity",
          "trigger_price",
          "is_amo");

  private static final Set<String> MODIFY_FIELDS =
      Set.of(
          "quantity",
          "validity",
          "price",
          "order_id",
          "order_type",
          "disclosed_quantity",
          "trigger_price");

  /** An Upstox app a trader created: its id, secret, redirect URI and postback URL. */
  public record App(String clientId, String clientSecret, String redirectUri, String postbackUrl) {}

  /** An order in the stand-in's book. */
  public static final class UpstoxOrder {
    final String orderId;
    final String clientId;
    final Map<String, Object> fields = Collections.synchronizedMap(new LinkedHashMap<>());
    final String timestamp = LocalDateTime.now().format(UPSTOX_TIME);
    volatile String status = "open";
    volatile int filled;
    volatile BigDecimal average = BigDecimal.ZERO;

    UpstoxOrder(String orderId, String clientId, JsonObject body) {
      this.orderId = orderId;
      this.clientId = clientId;
      body.forEach(fields::put);
    }

    public String orderId() {
      return orderId;
    }

    public String status() {
      return status;
    }

    public String tag() {
      return text("tag");
    }

    String text(String name) {
      return fields.get(name) instanceof JsonValue v
              && v.getValueType() == JsonValue.ValueType.STRING
          ? ((jakarta.json.JsonString) v).getString()
          : null;
    }

    BigDecimal number(String name) {
      return fields.get(name) instanceof JsonNumber n ? n.bigDecimalValue() : BigDecimal.ZERO;
    }

    public int quantity() {
      return number("quantity").intValue();
    }

    public BigDecimal price() {
      return number("price");
    }
  }

  private final HttpServer server;
  private final Map<String, App> apps = new ConcurrentHashMap<>();
  private final Map<String, String> codes = new ConcurrentHashMap<>(); // code -> clientId
  private final Map<String, String> accessTokens = new ConcurrentHashMap<>(); // token -> clientId
  private final Map<String, UpstoxOrder> orders =
      Collections.synchronizedMap(new LinkedHashMap<>());
  private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong sequence = new AtomicLong(261206000000000L);
  private final AtomicReference<String[]> refuseNext = new AtomicReference<>();
  private volatile long placeDelayMillis;
  private final HttpClient http = HttpClient.newHttpClient();

  private UpstoxStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(32));
    server.createContext("/", this::handle);
    server.start();
  }

  public static UpstoxStandIn start() {
    try {
      return new UpstoxStandIn();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public String apiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public String loginUrl() {
    return apiUrl() + "/v2/login/authorization/dialog";
  }

  public String instrumentsUrl() {
    return apiUrl() + "/market-quote/instruments/exchange";
  }

  /** Creates an Upstox app, as a trader does in Upstox's developer console. */
  public App register(String redirectUri, String postbackUrl) {
    String id = UUID.randomUUID().toString();
    App app =
        new App(
            id, "secret" + UUID.randomUUID().toString().replace("-", ""), redirectUri, postbackUrl);
    apps.put(id, app);
    return app;
  }

  /** The trader signs in at Upstox: the dialog answers with a redirect to the app's URI. */
  public URI signIn(String dialog) {
    try {
      HttpResponse<Void> answer =
          http.send(
              HttpRequest.newBuilder(URI.create(dialog)).build(),
              HttpResponse.BodyHandlers.discarding());
      String location =
          answer
              .headers()
              .firstValue("Location")
              .orElseThrow(
                  () ->
                      new AssertionError(
                          "Upstox's dialog refused: HTTP "
                              + answer.statusCode()
                              + " "
                              + violations));
      return URI.create(location);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every access token stops working, as at 3:30 in the morning. */
  public void endSessions() {
    accessTokens.clear();
  }

  /** The next placement is refused by Upstox with this code and message. */
  public void refuseNext(String errorCode, String message) {
    refuseNext.set(new String[] {errorCode, message});
  }

  /** Upstox takes this long to answer a placement (the order is in its book at once). */
  public void slowPlacements(long millis) {
    placeDelayMillis = millis;
  }

  /**
   * The trader buys SBIN at market in Upstox's own app: an order without our tag, filled at once,
   * which Tradebridge never sent; returns Upstox's id.
   */
  public String tradeInApp(App app, String product, int quantity, BigDecimal price) {
    UpstoxOrder order =
        new UpstoxOrder(
            String.valueOf(sequence.incrementAndGet()),
            app.clientId(),
            Json.createObjectBuilder()
                .add("instrument_token", SBIN)
                .add("transaction_type", "BUY")
                .add("order_type", "MARKET")
                .add("quantity", quantity)
                .add("product", product)
                .add("validity", "DAY")
                .add("price", 0)
                .add("trigger_price", 0)
                .build());
    order.filled = quantity;
    order.average = price;
    order.status = "complete";
    orders.put(order.orderId, order);
    return order.orderId;
  }

  public List<UpstoxOrder> orders() {
    synchronized (orders) {
      return List.copyOf(orders.values());
    }
  }

  public List<UpstoxOrder> ordersOf(App app) {
    return orders().stream().filter(o -> o.clientId.equals(app.clientId())).toList();
  }

  public List<String> violations() {
    return List.copyOf(violations);
  }

  /** The exchange fills the order; Upstox posts the news, unsigned, to the app's postback URL. */
  public int fill(String orderId, BigDecimal price) {
    UpstoxOrder order = orders.get(orderId);
    order.filled = order.quantity();
    order.average = price;
    order.status = "complete";
    return webhook(order, orderJson(order).build());
  }

  /** The exchange fills part of the order; no webhook comes (Upstox's are best effort). */
  public void fillQuietly(String orderId, int quantity, BigDecimal price) {
    UpstoxOrder order = orders.get(orderId);
    order.filled = quantity;
    order.average = price;
    order.status = quantity == order.quantity() ? "complete" : "open";
  }

  /** Posts a webhook about the order with these contents; returns our HTTP status. */
  public int webhook(UpstoxOrder order, JsonObject body) {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create(apps.get(order.clientId).postbackUrl()))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .statusCode();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A webhook claiming the order completed, which Upstox never sent (the order is still open). */
  public int forgedWebhook(UpstoxOrder order) {
    return webhook(
        order,
        orderJson(order)
            .add("status", "complete")
            .add("filled_quantity", order.quantity())
            .add("average_price", new BigDecimal("1.00"))
            .build());
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      if (method.equals("GET") && path.equals("/v2/login/authorization/dialog")) {
        dialog(exchange);
        return;
      }
      if (method.equals("GET") && path.startsWith("/market-quote/instruments/exchange/")) {
        instrumentFile(exchange, path.substring(path.lastIndexOf('/') + 1));
        return;
      }
      if (!"2.0".equals(exchange.getRequestHeaders().getFirst("Api-Version"))) {
        violation(exchange, "no Api-Version: 2.0");
        error(exchange, 400, "UDAPI100011", "Invalid Api-Version header");
        return;
      }
      if (method.equals("POST") && path.equals("/v2/login/authorization/token")) {
        token(exchange);
        return;
      }
      String clientId = authorized(exchange);
      if (clientId == null) {
        error(exchange, 401, "UDAPI100050", "Invalid token used to access API");
        return;
      }
      route(exchange, method, path, clientId);
    } catch (RuntimeException e) {
      violations.add("stand-in failed: " + e);
      throw e;
    }
  }

  private void route(HttpExchange exchange, String method, String path, String clientId)
      throws IOException {
    Map<String, String> query = query(exchange);
    switch (method + " " + path) {
      case "POST /v2/order/place" -> place(exchange, clientId);
      case "PUT /v2/order/modify" -> modify(exchange, clientId);
      case "DELETE /v2/order/cancel" -> cancel(exchange, clientId, query.get("order_id"));
      case "GET /v2/order/retrieve-all" -> {
        JsonArrayBuilder rows = Json.createArrayBuilder();
        ordersOfClient(clientId).forEach(o -> rows.add(orderJson(o)));
        ok(exchange, rows.build());
      }
      case "GET /v2/order/details" -> {
        UpstoxOrder order = orders.get(query.getOrDefault("order_id", ""));
        if (order == null || !order.clientId.equals(clientId)) {
          error(exchange, 400, "UDAPI100010", "Order not found");
        } else {
          ok(exchange, orderJson(order).build());
        }
      }
      case "GET /v2/market-quote/ltp" -> ltp(exchange, query.getOrDefault("instrument_key", ""));
      case "GET /v2/portfolio/short-term-positions" -> positions(exchange, clientId);
      case "GET /v2/portfolio/long-term-holdings" -> holdings(exchange);
      case "GET /v2/user/get-funds-and-margin" -> funds(exchange, clientId);
      default -> {
        violation(exchange, "not an Upstox route");
        error(exchange, 404, "UDAPI100060", "Resource not Found");
      }
    }
  }

  private List<UpstoxOrder> ordersOfClient(String clientId) {
    return orders().stream().filter(o -> o.clientId.equals(clientId)).toList();
  }

  /** The authorization dialog: a known client and its registered redirect URI, or no redirect. */
  private void dialog(HttpExchange exchange) throws IOException {
    Map<String, String> query = query(exchange);
    App app = apps.get(query.getOrDefault("client_id", ""));
    if (app == null
        || !"code".equals(query.get("response_type"))
        || !app.redirectUri().equals(query.get("redirect_uri"))) {
      violation(
          exchange, "dialog without a known client_id, response_type=code and its redirect_uri");
      exchange.sendResponseHeaders(400, -1);
      return;
    }
    String code = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
    codes.put(code, app.clientId());
    String state = query.get("state");
    exchange
        .getResponseHeaders()
        .add(
            "Location",
            app.redirectUri()
                + "?code="
                + code
                + (state == null
                    ? ""
                    : "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8)));
    exchange.sendResponseHeaders(302, -1);
  }

  private void token(HttpExchange exchange) throws IOException {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (type == null || !type.startsWith("application/x-www-form-urlencoded")) {
      violation(exchange, "token exchange not form-encoded: " + type);
      error(exchange, 400, "UDAPI100016", "Invalid Content-Type");
      return;
    }
    Map<String, String> form;
    try (InputStream in = exchange.getRequestBody()) {
      form = form(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    App app = apps.get(form.getOrDefault("client_id", ""));
    String code = form.get("code");
    if (app == null
        || !app.clientSecret().equals(form.get("client_secret"))
        || !"authorization_code".equals(form.get("grant_type"))
        || !app.redirectUri().equals(form.get("redirect_uri"))) {
      violation(exchange, "token exchange with a wrong client, secret, grant type or redirect_uri");
      error(
          exchange,
          401,
          "UDAPI100069",
          "Check your 'client_id' and 'redirect_uri'; one or both are incorrect.");
      return;
    }
    if (code == null || !app.clientId().equals(codes.remove(code))) {
      error(exchange, 400, "UDAPI100057", "Invalid Auth code");
      return;
    }
    String accessToken = "eyJ" + UUID.randomUUID().toString().replace("-", "");
    accessTokens.put(accessToken, app.clientId());
    byte[] body =
        Json.createObjectBuilder()
            .add("email", "trader@example.com")
            .add("exchanges", Json.createArrayBuilder().add("NSE").add("NFO"))
            .add("products", Json.createArrayBuilder().add("D").add("I"))
            .add("broker", "UPSTOX")
            .add("user_id", "UP1234")
            .add("user_name", "Upstox Trader")
            .add(
                "order_types",
                Json.createArrayBuilder().add("MARKET").add("LIMIT").add("SL").add("SL-M"))
            .add("user_type", "individual")
            .add("poa", false)
            .add("is_active", true)
            .add("access_token", accessToken)
            .addNull("extended_token")
            .build()
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    send(exchange, 200, body);
  }

  private String authorized(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.startsWith("Bearer ")) {
      violation(exchange, "no Authorization: Bearer <access token>");
      return null;
    }
    return accessTokens.get(header.substring("Bearer ".length()));
  }

  /** NSE's file: two equities and a future, tick sizes in paise as Upstox writes them. */
  private void instrumentFile(HttpExchange exchange, String file) throws IOException {
    if (!file.equals("NSE.json.gz")) {
      send(exchange, 404, new byte[0]);
      return;
    }
    String json =
        Json.createArrayBuilder()
            .add(equity(SBIN, "SBIN", "STATE BANK OF INDIA", "3045"))
            .add(equity(INFY, "INFY", "INFOSYS LIMITED", "1594"))
            .add(
                Json.createObjectBuilder()
                    .add("weekly", false)
                    .add("segment", "NSE_FO")
                    .add("name", "BANKNIFTY")
                    .add("exchange", "NSE")
                    .add("expiry", 1782325800000L) // 2026-06-25, India
                    .add("instrument_type", "FUT")
                    .add("asset_symbol", "BANKNIFTY")
                    .add("underlying_symbol", "BANKNIFTY")
                    .add("instrument_key", BANKNIFTY_FUT)
                    .add("lot_size", 30)
                    .add("freeze_quantity", 900.0)
                    .add("exchange_token", "47567")
                    .add("minimum_lot", 30)
                    .add("tick_size", 20.0)
                    .add("asset_type", "INDEX")
                    .add("underlying_type", "INDEX")
                    .add("trading_symbol", "BANKNIFTY FUT 25 JUN 26")
                    .add("strike_price", 0.0))
            .build()
            .toString();
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(json.getBytes(StandardCharsets.UTF_8));
    }
    exchange.getResponseHeaders().add("Content-Type", "application/gzip");
    send(exchange, 200, gz.toByteArray());
  }

  private static JsonObjectBuilder equity(String key, String symbol, String name, String token) {
    return Json.createObjectBuilder()
        .add("segment", "NSE_EQ")
        .add("name", name)
        .add("exchange", "NSE")
        .add("isin", key.substring(key.indexOf('|') + 1))
        .add("instrument_type", "EQ")
        .add("instrument_key", key)
        .add("lot_size", 1)
        .add("freeze_quantity", 100000.0)
        .add("exchange_token", token)
        .add("tick_size", 5.0)
        .add("trading_symbol", symbol)
        .add("short_name", symbol)
        .add("security_type", "NORMAL");
  }

  private static BigDecimal lastPrice(String key) {
    return switch (key) {
      case SBIN -> new BigDecimal("470.50");
      case INFY -> new BigDecimal("1500.00");
      case BANKNIFTY_FUT -> new BigDecimal("52000.00");
      default -> null;
    };
  }

  /** Upstox keys its answer by segment and symbol, each row carrying the key asked for. */
  private void ltp(HttpExchange exchange, String keys) throws IOException {
    JsonObjectBuilder data = Json.createObjectBuilder();
    for (String key : keys.split(",")) {
      BigDecimal last = lastPrice(key);
      if (last != null) {
        String symbol = key.equals(SBIN) ? "SBIN" : key.equals(INFY) ? "INFY" : "BANKNIFTY26JUNFUT";
        data.add(
            key.substring(0, key.indexOf('|')) + ":" + symbol,
            Json.createObjectBuilder().add("last_price", last).add("instrument_token", key));
      }
    }
    ok(exchange, data.build());
  }

  private JsonObject jsonBody(HttpExchange exchange) throws IOException {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (type == null || !type.startsWith("application/json")) {
      violation(exchange, "body not JSON: " + type);
      error(exchange, 400, "UDAPI100016", "Invalid Content-Type");
      return null;
    }
    try (InputStream in = exchange.getRequestBody();
        JsonReader reader =
            Json.createReader(
                new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)))) {
      return reader.readObject();
    } catch (JsonParsingException | ClassCastException e) {
      violation(exchange, "body not a JSON object");
      error(exchange, 400, "UDAPI1004", "Invalid request body");
      return null;
    }
  }

  private void place(HttpExchange exchange, String clientId) throws IOException {
    JsonObject body = jsonBody(exchange);
    if (body == null) {
      return;
    }
    String problem = orderProblem(body, PLACE_FIELDS);
    if (problem == null && !body.containsKey("instrument_token")) {
      problem = "instrument_token is required";
    }
    if (problem == null && lastPrice(body.getString("instrument_token", "")) == null) {
      problem = "Invalid instrument_token";
    }
    if (problem == null && body.getString("tag", "").length() > 40) {
      problem = "tag is longer than 40 characters";
    }
    if (problem != null) {
      violation(exchange, problem);
      error(exchange, 400, "UDAPI1004", problem);
      return;
    }
    String[] refusal = refuseNext.getAndSet(null);
    if (refusal != null) {
      error(exchange, 400, refusal[0], refusal[1]);
      return;
    }
    UpstoxOrder order = new UpstoxOrder(String.valueOf(sequence.incrementAndGet()), clientId, body);
    orders.put(order.orderId, order);
    if (placeDelayMillis > 0) {
      try {
        Thread.sleep(placeDelayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    ok(exchange, Json.createObjectBuilder().add("order_id", order.orderId).build());
  }

  private void modify(HttpExchange exchange, String clientId) throws IOException {
    JsonObject body = jsonBody(exchange);
    if (body == null) {
      return;
    }
    UpstoxOrder order = orders.get(body.getString("order_id", ""));
    if (order == null || !order.clientId.equals(clientId)) {
      violation(exchange, "modification of an order not in this user's book");
      error(exchange, 400, "UDAPI100010", "Order not found");
      return;
    }
    String problem = orderProblem(body, MODIFY_FIELDS);
    if (problem == null && body.getInt("quantity", order.quantity()) < order.filled) {
      problem = "quantity cannot be less than the filled quantity";
    }
    if (problem != null) {
      violation(exchange, problem);
      error(exchange, 400, "UDAPI1004", problem);
      return;
    }
    if (!working(order)) {
      error(exchange, 400, "UDAPI100040", "Order cannot be modified as it is " + order.status);
      return;
    }
    body.forEach(order.fields::put);
    ok(exchange, Json.createObjectBuilder().add("order_id", order.orderId).build());
  }

  private void cancel(HttpExchange exchange, String clientId, String orderId) throws IOException {
    UpstoxOrder order = orderId == null ? null : orders.get(orderId);
    if (order == null || !order.clientId.equals(clientId)) {
      violation(exchange, "cancel of an order not in this user's book");
      error(exchange, 400, "UDAPI100010", "Order not found");
      return;
    }
    if (!working(order)) {
      error(exchange, 400, "UDAPI100040", "Order cannot be cancelled as it is " + order.status);
      return;
    }
    order.status = "cancelled";
    ok(exchange, Json.createObjectBuilder().add("order_id", orderId).build());
  }

  private static boolean working(UpstoxOrder order) {
    return order.status.equals("open") || order.status.equals("trigger pending");
  }

  /** Upstox's checks of an order body: known fields, its enumerations, prices where needed. */
  private static String orderProblem(JsonObject body, Set<String> allowed) {
    for (String field : body.keySet()) {
      if (!allowed.contains(field)) {
        return "Invalid field: " + field;
      }
    }
    if (body.containsKey("product")
        && !Set.of("I", "D", "CO", "MTF").contains(body.getString("product", ""))) {
      return "Invalid product";
    }
    if (body.containsKey("transaction_type")
        && !Set.of("BUY", "SELL").contains(body.getString("transaction_type", ""))) {
      return "Invalid transaction_type";
    }
    String type = body.getString("order_type", "");
    if (!Set.of("MARKET", "LIMIT", "SL", "SL-M").contains(type)) {
      return "Invalid order_type";
    }
    if (!Set.of("DAY", "IOC").contains(body.getString("validity", ""))) {
      return "Invalid validity";
    }
    if (!(body.get("quantity") instanceof JsonNumber q) || q.intValue() <= 0) {
      return "Invalid quantity";
    }
    BigDecimal price = body.get("price") instanceof JsonNumber p ? p.bigDecimalValue() : null;
    BigDecimal trigger =
        body.get("trigger_price") instanceof JsonNumber t ? t.bigDecimalValue() : null;
    if (price == null || trigger == null) {
      return "price and trigger_price are required";
    }
    if ((type.equals("LIMIT") || type.equals("SL")) && price.signum() <= 0) {
      return "Price must be greater than 0 for " + type;
    }
    if (type.startsWith("SL") && trigger.signum() <= 0) {
      return "Trigger price must be greater than 0 for " + type;
    }
    return null;
  }

  private static JsonObjectBuilder orderJson(UpstoxOrder order) {
    String key = order.text("instrument_token");
    String symbol =
        SBIN.equals(key) ? "SBIN" : INFY.equals(key) ? "INFY" : "BANKNIFTY FUT 25 JUN 26";
    JsonObjectBuilder o =
        Json.createObjectBuilder()
            .add("exchange", key != null && key.startsWith("NSE_FO") ? "NFO" : "NSE")
            .add("product", String.valueOf(order.text("product")))
            .add("price", order.number("price"))
            .add("quantity", order.quantity())
            .add("status", order.status)
            .add("instrument_token", String.valueOf(key))
            .add("placed_by", "UP1234")
            .add("tradingsymbol", symbol)
            .add("trading_symbol", symbol)
            .add("order_type", String.valueOf(order.text("order_type")))
            .add("validity", String.valueOf(order.text("validity")))
            .add("trigger_price", order.number("trigger_price"))
            .add("disclosed_quantity", 0)
            .add("transaction_type", String.valueOf(order.text("transaction_type")))
            .add("average_price", order.average)
            .add("filled_quantity", order.filled)
            .add("pending_quantity", order.quantity() - order.filled)
            .add("status_message", "")
            .add("exchange_order_id", "1300000" + order.orderId)
            .addNull("parent_order_id")
            .add("order_id", order.orderId)
            .add("variety", "SIMPLE")
            .add("order_timestamp", order.timestamp)
            .add("is_amo", false);
    if (order.tag() == null) {
      o.addNull("tag");
    } else {
      o.add("tag", order.tag());
    }
    return o;
  }

  /** Positions from this user's fills, as Upstox's short-term positions list them. */
  private void positions(HttpExchange exchange, String clientId) throws IOException {
    Map<String, int[]> qty = new LinkedHashMap<>();
    Map<String, BigDecimal[]> value = new LinkedHashMap<>();
    for (UpstoxOrder o : ordersOfClient(clientId)) {
      if (o.filled == 0) {
        continue;
      }
      String k = o.text("instrument_token") + "/" + o.text("product");
      int[] q = qty.computeIfAbsent(k, x -> new int[2]);
      BigDecimal[] v =
          value.computeIfAbsent(k, x -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      int side = "BUY".equals(o.text("transaction_type")) ? 0 : 1;
      q[side] += o.filled;
      v[side] = v[side].add(o.average.multiply(BigDecimal.valueOf(o.filled)));
    }
    JsonArrayBuilder rows = Json.createArrayBuilder();
    qty.forEach(
        (k, q) -> {
          String key = k.substring(0, k.indexOf('/'));
          BigDecimal[] v = value.get(k);
          rows.add(
              Json.createObjectBuilder()
                  .add("exchange", "NSE")
                  .add("multiplier", 1.0)
                  .add("product", k.substring(k.indexOf('/') + 1))
                  .add("instrument_token", key)
                  .add("quantity", q[0] - q[1])
                  .add("day_buy_quantity", q[0])
                  .add("day_sell_quantity", q[1])
                  .add("overnight_buy_quantity", 0)
                  .add("overnight_sell_quantity", 0)
                  .add("day_buy_value", v[0])
                  .add("day_sell_value", v[1])
                  .add("buy_price", average(v[0], q[0]))
                  .add("sell_price", average(v[1], q[1]))
                  .add("day_buy_price", average(v[0], q[0]))
                  .add("day_sell_price", average(v[1], q[1]))
                  .add("last_price", lastPrice(key))
                  .add("realised", 0)
                  .add("unrealised", 0)
                  .add("pnl", 0));
        });
    ok(exchange, rows.build());
  }

  private static BigDecimal average(BigDecimal value, int quantity) {
    return quantity == 0
        ? BigDecimal.ZERO
        : value.divide(BigDecimal.valueOf(quantity), 2, RoundingMode.HALF_UP);
  }

  private void holdings(HttpExchange exchange) throws IOException {
    ok(
        exchange,
        Json.createArrayBuilder()
            .add(
                Json.createObjectBuilder()
                    .add("isin", "INE009A01021")
                    .add("company_name", "INFOSYS LIMITED")
                    .add("product", "D")
                    .add("quantity", 12)
                    .add("t1_quantity", 0)
                    .add("tradingsymbol", "INFY")
                    .add("trading_symbol", "INFY")
                    .add("exchange", "NSE")
                    .add("instrument_token", INFY)
                    .add("average_price", new BigDecimal("1400.00"))
                    .add("last_price", new BigDecimal("1500.00"))
                    .add("pnl", new BigDecimal("1200.00")))
            .build());
  }

  private void funds(HttpExchange exchange, String clientId) throws IOException {
    BigDecimal used = BigDecimal.ZERO;
    for (UpstoxOrder o : ordersOfClient(clientId)) {
      if ("BUY".equals(o.text("transaction_type"))) {
        used = used.add(o.average.multiply(BigDecimal.valueOf(o.filled)));
      }
    }
    BigDecimal available = new BigDecimal("1000000").subtract(used);
    ok(
        exchange,
        Json.createObjectBuilder()
            .add(
                "equity",
                Json.createObjectBuilder()
                    .add("used_margin", used)
                    .add("payin_amount", 0)
                    .add("span_margin", 0)
                    .add("adhoc_margin", 0)
                    .add("notional_cash", 0)
                    .add("available_margin", available)
                    .add("exposure_margin", 0))
            .build());
  }

  private Map<String, String> query(HttpExchange exchange) {
    return form(exchange.getRequestURI().getRawQuery());
  }

  private static Map<String, String> form(String raw) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return fields;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      fields.put(
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return fields;
  }

  private void violation(HttpExchange exchange, String what) {
    violations.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + ": " + what);
  }

  private static void ok(HttpExchange exchange, JsonValue data) throws IOException {
    send(
        exchange,
        200,
        Json.createObjectBuilder()
            .add("status", "success")
            .add("data", data)
            .build()
            .toString()
            .getBytes(StandardCharsets.UTF_8));
  }

  private static void error(HttpExchange exchange, int status, String code, String message)
      throws IOException {
    JsonObject problem =
        Json.createObjectBuilder()
            .add("errorCode", code)
            .add("message", message)
            .addNull("propertyPath")
            .addNull("invalidValue")
            .add("error_code", code)
            .addNull("property_path")
            .addNull("invalid_value")
            .build();
    send(
        exchange,
        status,
        Json.createObjectBuilder()
            .add("status", "error")
            .add("errors", Json.createArrayBuilder().add(problem))
            .build()
            .toString()
            .getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    if (exchange.getResponseHeaders().getFirst("Content-Type") == null) {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
