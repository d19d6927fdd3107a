package io.tradebridge.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stand-in for Zerodha's Kite Connect v3 on loopback, following its published API
 * (kite.trade/docs/connect/v3 and the response bodies of zerodha/kiteconnect-mocks): the login page
 * that sends the browser back with a request token, the token exchange and its checksum, the day's
 * instrument CSV, last prices, orders (form-encoded, tagged) and the order book, and signed
 * postbacks. Every request is checked the way Kite would check it — method, path, version header,
 * authorization, form fields — and anything Kite would refuse is refused with Kite's error shape
 * and recorded in {@link #violations()}, which a test asserts empty.
 */
public final class KiteStandIn implements AutoCloseable {

  private static final DateTimeFormatter KITE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final Set<String> ORDER_FIELDS =
      Set.of(
          "exchange",
          "tradingsymbol",
          "transaction_type",
          "order_type",
          "quantity",
          "product",
          "validity",
          "price",
          "trigger_price",
          "disclosed_quantity",
          "tag");

  /** What Kite's PUT /orders/{variety}/{order_id} takes: no symbol, side, product or tag. */
  private static final Set<String> MODIFY_FIELDS =
      Set.of(
          "order_type",
          "quantity",
          "price",
          "trigger_price",
          "validity",
          "disclosed_quantity",
          "parent_order_id");

  /** Kite takes at most 25 modifications of one order. */
  static final int MAX_MODIFICATIONS = 25;

  /** A Kite Connect app a trader registered: its secret and its redirect and postback URLs. */
  public record App(String apiKey, String apiSecret, String redirectUrl, String postbackUrl) {}

  /** An order in the stand-in's book. */
  public static final class KiteOrder {
    final String orderId;
    final String apiKey;
    final Map<String, String> form;
    final String timestamp = LocalDateTime.now().format(KITE_TIME);
    volatile String status;
    volatile int filled;
    volatile BigDecimal average = BigDecimal.ZERO;
    volatile int modifications;

    KiteOrder(String orderId, String apiKey, Map<String, String> form) {
      this.orderId = orderId;
      this.apiKey = apiKey;
      this.form = form;
      this.status = "OPEN";
    }

    public String orderId() {
      return orderId;
    }

    public String tag() {
      return form.get("tag");
    }

    public Map<String, String> form() {
      return form;
    }
  }

  private final HttpServer server;
  private final Map<String, App> apps = new ConcurrentHashMap<>();
  private final Map<String, String> requestTokens = new ConcurrentHashMap<>(); // token -> apiKey
  private final Map<String, String> accessTokens = new ConcurrentHashMap<>(); // token -> apiKey
  private final Map<String, KiteOrder> orders = Collections.synchronizedMap(new LinkedHashMap<>());
  private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong sequence = new AtomicLong(261205000000000L);
  private final AtomicReference<String[]> refuseNext = new AtomicReference<>();
  private volatile long placeDelayMillis;
  private volatile long changeDelayMillis;
  private final AtomicReference<String[]> refuseNextChange = new AtomicReference<>();
  private final java.util.concurrent.atomic.AtomicInteger changesReceived =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile long answerDelayMillis;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private final AtomicLong apiCalls = new AtomicLong();
  private final AtomicLong apiNanos = new AtomicLong();
  private final HttpClient http = HttpClient.newHttpClient();

  private KiteStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(64));
    server.createContext("/", this::handle);
    server.start();
  }

  public static KiteStandIn start() {
    try {
      return new KiteStandIn();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public String apiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public String loginUrl() {
    return apiUrl() + "/connect/login";
  }

  /** Registers a Kite Connect app, as a trader does in Kite's developer console. */
  public App register(String redirectUrl, String postbackUrl) {
    App app =
        new App(
            "kitekey" + UUID.randomUUID().toString().replace("-", "").substring(0, 10),
            "kitesecret" + UUID.randomUUID().toString().replace("-", ""),
            redirectUrl,
            postbackUrl);
    apps.put(app.apiKey(), app);
    return app;
  }

  /** The trader signs in at Kite: Kite's answer to its login page is a redirect to our callback. */
  public URI signIn(String loginPage) {
    try {
      HttpResponse<String> page =
          http.send(
              HttpRequest.newBuilder(URI.create(loginPage)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (page.statusCode() != 302) {
        throw new AssertionError("Kite's login page answered " + page.statusCode() + page.body());
      }
      return URI.create(page.headers().firstValue("Location").orElseThrow());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Kite ends every session (as it does each morning). */
  public void endSessions() {
    accessTokens.clear();
  }

  /** The next placement is refused by Kite with this error type and message. */
  public void refuseNext(String errorType, String message) {
    refuseNext.set(new String[] {errorType, message});
  }

  /** Kite takes this long to answer a placement (the order is in its book at once). */
  public void slowPlacements(long millis) {
    placeDelayMillis = millis;
  }

  /** Kite takes this long to answer a modification or a cancellation (made at once). */
  public void slowChanges(long millis) {
    changeDelayMillis = millis;
  }

  /** The next modification or cancellation is refused by Kite with this type and message. */
  public void refuseNextChange(String errorType, String message) {
    refuseNextChange.set(new String[] {errorType, message});
  }

  /** Modifications and cancellations received so far (refused ones included). */
  public int changesReceived() {
    return changesReceived.get();
  }

  /** Every API answer (not the login page) takes at least this long, as a distant Kite would. */
  public void slowAnswers(long millis) {
    answerDelayMillis = millis;
  }

  /** API calls answered so far, and the time spent answering them (the delays included). */
  public long apiCalls() {
    return apiCalls.get();
  }

  public long apiNanos() {
    return apiNanos.get();
  }

  public List<KiteOrder> orders() {
    synchronized (orders) {
      return List.copyOf(orders.values());
    }
  }

  public List<String> violations() {
    return List.copyOf(violations);
  }

  /**
   * The trader trades at Kite's own terminal (or from another app): an order without our tag,
   * filled at once, which Tradebridge never sent.
   */
  public void tradeAtTerminal(
      App app, String exchange, String kiteSymbol, String product, int quantity, BigDecimal price) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("exchange", exchange);
    form.put("tradingsymbol", kiteSymbol);
    form.put("transaction_type", "BUY");
    form.put("order_type", "MARKET");
    form.put("quantity", String.valueOf(quantity));
    form.put("product", product);
    form.put("validity", "DAY");
    KiteOrder order = new KiteOrder(String.valueOf(sequence.incrementAndGet()), app.apiKey(), form);
    order.filled = quantity;
    order.average = price;
    order.status = "COMPLETE";
    orders.put(order.orderId, order);
  }

  /**
   * The trader places a LIMIT order at Kite's own terminal: it rests, untagged; returns Kite's id.
   */
  public String restAtTerminal(
      App app, String exchange, String kiteSymbol, String product, int quantity, BigDecimal price) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("exchange", exchange);
    form.put("tradingsymbol", kiteSymbol);
    form.put("transaction_type", "BUY");
    form.put("order_type", "LIMIT");
    form.put("quantity", String.valueOf(quantity));
    form.put("price", price.toPlainString());
    form.put("product", product);
    form.put("validity", "DAY");
    KiteOrder order = new KiteOrder(String.valueOf(sequence.incrementAndGet()), app.apiKey(), form);
    orders.put(order.orderId, order);
    return order.orderId;
  }

  /** The trader cancels an order at Kite's own terminal. */
  public void cancelAtTerminal(String orderId) {
    orders.get(orderId).status = "CANCELLED";
  }

  /** The exchange fills part of the order; no postback comes (Kite's postbacks are best effort). */
  public void fillQuietly(String orderId, int quantity, BigDecimal price) {
    KiteOrder order = orders.get(orderId);
    order.filled = quantity;
    order.average = price;
    order.status = quantity == Integer.parseInt(order.form.get("quantity")) ? "COMPLETE" : "OPEN";
  }

  /** The exchange fills the order at a price; Kite posts the news to the app's postback URL. */
  public int fill(String orderId, BigDecimal price) {
    KiteOrder order = orders.get(orderId);
    order.filled = Integer.parseInt(order.form.get("quantity"));
    order.average = price;
    order.status = "COMPLETE";
    return postback(
        order, checksum(order.orderId + order.timestamp + apps.get(order.apiKey).apiSecret()));
  }

  /** Posts a postback for the order signed with the given checksum; returns our HTTP status. */
  public int postback(KiteOrder order, String checksum) {
    JsonObject body =
        orderJson(order)
            .add("checksum", checksum)
            .add("app_id", 1234)
            .add("user_id", "AB1234")
            .build();
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create(apps.get(order.apiKey).postbackUrl()))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .statusCode();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String checksum(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      if (method.equals("GET") && path.equals("/connect/login")) {
        loginPage(exchange);
        return;
      }
      if (!"3".equals(exchange.getRequestHeaders().getFirst("X-Kite-Version"))) {
        violation(exchange, "no X-Kite-Version: 3");
        error(exchange, 400, "InputException", "Invalid `X-Kite-Version` header.");
        return;
      }
      if (method.equals("POST") && path.equals("/session/token")) {
        token(exchange);
        return;
      }
      long started = System.nanoTime();
      try {
        api(exchange, method, path);
      } finally {
        apiCalls.incrementAndGet();
        apiNanos.addAndGet(System.nanoTime() - started);
      }
    } catch (RuntimeException e) {
      violations.add("stand-in failed: " + e);
      throw e;
    }
  }

  private void api(HttpExchange exchange, String method, String path) throws IOException {
    if (answerDelayMillis > 0) {
      try {
        Thread.sleep(answerDelayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    String apiKey = authorized(exchange);
    if (apiKey == null) {
      error(exchange, 403, "TokenException", "Incorrect `api_key` or `access_token`.");
      return;
    }
    String limit = rateLimitClass(method, path);
    if (!withinRateLimit(apiKey, limit)) {
      violation(exchange, "past Kite's rate limit for " + limit);
      error(exchange, 429, "NetworkException", "Too many requests");
      return;
    }
    if (method.equals("GET") && path.startsWith("/instruments/")) {
      instruments(exchange, path.substring("/instruments/".length()));
    } else if (method.equals("GET") && path.equals("/quote/ltp")) {
      ltp(exchange);
    } else if (method.equals("POST") && path.matches("/orders/(regular|co)")) {
      place(exchange, apiKey);
    } else if (method.equals("GET") && path.equals("/portfolio/positions")) {
      positions(exchange, apiKey);
    } else if (method.equals("GET") && path.equals("/portfolio/holdings")) {
      holdings(exchange);
    } else if (method.equals("GET") && path.equals("/user/margins")) {
      margins(exchange, apiKey);
    } else if (method.equals("GET") && path.equals("/orders")) {
      orderBook(exchange, apiKey);
    } else if (method.equals("PUT") && path.matches("/orders/(regular|co)/\\d+")) {
      modify(exchange, apiKey, path.substring(path.lastIndexOf('/') + 1));
    } else if (method.equals("DELETE") && path.matches("/orders/(regular|co)/\\d+")) {
      cancel(exchange, apiKey, path.substring(path.lastIndexOf('/') + 1));
    } else {
      violation(exchange, "not a Kite route");
      error(exchange, 404, "GeneralException", "Route not found");
    }
  }

  /**
   * Kite's published limits per app: quotes 1 a second, order calls (place, modify, cancel) 10 a
   * second and 400 a minute, everything else 10 a second — kept here as token buckets, the way an
   * API gateway counts them.
   */
  private static String rateLimitClass(String method, String path) {
    if (path.startsWith("/quote")) {
      return "quotes";
    }
    if (path.startsWith("/orders/") && !method.equals("GET")) {
      return "orders";
    }
    return "other";
  }

  private boolean withinRateLimit(String apiKey, String limit) {
    boolean second =
        buckets
            .computeIfAbsent(
                apiKey + "/" + limit,
                k -> new TokenBucket(limit.equals("quotes") ? 1 : 10, Duration.ofSeconds(1)))
            .take();
    if (!limit.equals("orders")) {
      return second;
    }
    return second
        && buckets
            .computeIfAbsent(apiKey + "/minute", k -> new TokenBucket(400, Duration.ofMinutes(1)))
            .take();
  }

  /** A bucket of {@code capacity} tokens that refills at {@code capacity} per {@code period}. */
  private static final class TokenBucket {
    private final double capacity;
    private final double perNano;
    private double tokens;
    private long last = System.nanoTime();

    TokenBucket(int capacity, Duration period) {
      this.capacity = capacity;
      this.perNano = capacity / (double) period.toNanos();
      this.tokens = capacity;
    }

    synchronized boolean take() {
      long now = System.nanoTime();
      tokens = Math.min(capacity, tokens + (now - last) * perNano);
      last = now;
      if (tokens < 1) {
        return false;
      }
      tokens -= 1;
      return true;
    }
  }

  private void loginPage(HttpExchange exchange) throws IOException {
    Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
    App app = apps.get(query.getOrDefault("api_key", ""));
    if (app == null || !"3".equals(query.get("v"))) {
      violation(exchange, "login page without a known api_key and v=3");
      exchange.sendResponseHeaders(400, -1);
      return;
    }
    String requestToken = "rt" + UUID.randomUUID().toString().replace("-", "");
    requestTokens.put(requestToken, app.apiKey());
    String redirect =
        app.redirectUrl()
            + "?request_token="
            + requestToken
            + "&action=login&status=success"
            + (query.containsKey("redirect_params") ? "&" + query.get("redirect_params") : "");
    exchange.getResponseHeaders().add("Location", redirect);
    exchange.sendResponseHeaders(302, -1);
  }

  private void token(HttpExchange exchange) throws IOException {
    Map<String, String> form = formBody(exchange);
    if (form == null) {
      return;
    }
    String apiKey = form.get("api_key");
    String requestToken = form.get("request_token");
    App app = apiKey == null ? null : apps.get(apiKey);
    if (app == null || requestToken == null || !apiKey.equals(requestTokens.remove(requestToken))) {
      error(exchange, 403, "TokenException", "Token is invalid or has expired.");
      return;
    }
    if (!checksum(apiKey + requestToken + app.apiSecret()).equals(form.get("checksum"))) {
      violation(exchange, "wrong checksum in the token exchange");
      error(exchange, 403, "TokenException", "Invalid checksum.");
      return;
    }
    String accessToken = "at" + UUID.randomUUID().toString().replace("-", "");
    accessTokens.put(accessToken, apiKey);
    JsonObject data =
        Json.createObjectBuilder()
            .add("user_type", "individual")
            .add("user_id", "AB1234")
            .add("user_name", "Kite Trader")
            .add("broker", "ZERODHA")
            .add("api_key", apiKey)
            .add("access_token", accessToken)
            .add("public_token", "pt")
            .add("refresh_token", "")
            .add("login_time", LocalDateTime.now().format(KITE_TIME))
            .build();
    ok(exchange, data);
  }

  private String authorized(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.startsWith("token ") || !header.contains(":")) {
      violation(exchange, "no Authorization: token api_key:access_token");
      return null;
    }
    String[] parts = header.substring("token ".length()).split(":", 2);
    String owner = accessTokens.get(parts[1]);
    return parts[0].equals(owner) ? owner : null;
  }

  private void instruments(HttpExchange exchange, String exchangeName) throws IOException {
    String csv =
        "instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,strike,tick_size,lot_size,instrument_type,segment,exchange\n"
            + (exchangeName.equals("NSE")
                ? "779521,3045,SBIN,\"STATE BANK OF INDIA\",0,,0,0.05,1,EQ,NSE,NSE\n"
                    + "408065,1594,INFY,\"INFOSYS\",0,,0,0.05,1,EQ,NSE,NSE\n"
                : exchangeName.equals("NFO")
                    ? "12177154,47567,BANKNIFTY26JUNFUT,\"BANKNIFTY\",0,2026-06-25,0,0.2,30,FUT,NFO-FUT,NFO\n"
                    : "");
    byte[] body = csv.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "text/csv");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private void ltp(HttpExchange exchange) throws IOException {
    Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
    String key = query.getOrDefault("i", "");
    JsonObjectBuilder data = Json.createObjectBuilder();
    if (key.equals("NSE:SBIN") || key.equals("NSE:INFY")) {
      data.add(
          key,
          Json.createObjectBuilder()
              .add("instrument_token", key.equals("NSE:SBIN") ? 779521 : 408065)
              .add(
                  "last_price",
                  key.equals("NSE:SBIN") ? new BigDecimal("470.50") : new BigDecimal("1500.00")));
    }
    ok(exchange, data.build());
  }

  private void place(HttpExchange exchange, String apiKey) throws IOException {
    Map<String, String> form = formBody(exchange);
    if (form == null) {
      return;
    }
    for (String field : form.keySet()) {
      if (!ORDER_FIELDS.contains(field)) {
        violation(exchange, "unknown order field " + field);
        error(exchange, 400, "InputException", "Invalid field: " + field);
        return;
      }
    }
    String problem = orderProblem(form);
    if (problem != null) {
      violation(exchange, problem);
      error(exchange, 400, "InputException", problem);
      return;
    }
    String[] refusal = refuseNext.getAndSet(null);
    if (refusal != null) {
      error(exchange, 400, refusal[0], refusal[1]);
      return;
    }
    KiteOrder order = new KiteOrder(String.valueOf(sequence.incrementAndGet()), apiKey, form);
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

  /** Opening balance of every app's equity segment. */
  public static final BigDecimal OPENING_BALANCE = new BigDecimal("5000000");

  /**
   * Kite's positions (day and net alike: the stand-in holds nothing overnight), from the filled
   * quantities of the app's orders, in the shape of kiteconnect-mocks' positions.json.
   */
  private void positions(HttpExchange exchange, String apiKey) throws IOException {
    Map<String, int[]> quantities = new LinkedHashMap<>();
    Map<String, BigDecimal[]> values = new LinkedHashMap<>();
    Map<String, KiteOrder> anyOrder = new LinkedHashMap<>();
    for (KiteOrder order : orders()) {
      if (!order.apiKey.equals(apiKey) || order.filled == 0) {
        continue;
      }
      String key =
          order.form.get("exchange")
              + ":"
              + order.form.get("tradingsymbol")
              + ":"
              + order.form.get("product");
      boolean buy = order.form.get("transaction_type").equals("BUY");
      int[] q = quantities.computeIfAbsent(key, k -> new int[2]);
      BigDecimal[] v =
          values.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      BigDecimal value = order.average.multiply(BigDecimal.valueOf(order.filled));
      q[buy ? 0 : 1] += order.filled;
      v[buy ? 0 : 1] = v[buy ? 0 : 1].add(value);
      anyOrder.putIfAbsent(key, order);
    }
    JsonArrayBuilder rows = Json.createArrayBuilder();
    quantities.forEach(
        (key, q) -> {
          Map<String, String> f = anyOrder.get(key).form;
          BigDecimal[] v = values.get(key);
          BigDecimal last = lastPrice(f.get("exchange") + ":" + f.get("tradingsymbol"));
          int net = q[0] - q[1];
          BigDecimal pnl = v[1].subtract(v[0]).add(last.multiply(BigDecimal.valueOf(net)));
          rows.add(
              Json.createObjectBuilder()
                  .add("tradingsymbol", f.get("tradingsymbol"))
                  .add("exchange", f.get("exchange"))
                  .add("instrument_token", 0)
                  .add("product", f.get("product"))
                  .add("quantity", net)
                  .add("overnight_quantity", 0)
                  .add("multiplier", 1)
                  .add("average_price", average(v[0], q[0]))
                  .add("close_price", 0)
                  .add("last_price", last)
                  .add("value", v[1].subtract(v[0]))
                  .add("pnl", pnl)
                  .add("m2m", pnl)
                  .add("unrealised", pnl)
                  .add("realised", 0)
                  .add("buy_quantity", q[0])
                  .add("buy_price", average(v[0], q[0]))
                  .add("buy_value", v[0])
                  .add("buy_m2m", v[0])
                  .add("sell_quantity", q[1])
                  .add("sell_price", average(v[1], q[1]))
                  .add("sell_value", v[1])
                  .add("sell_m2m", v[1])
                  .add("day_buy_quantity", q[0])
                  .add("day_buy_price", average(v[0], q[0]))
                  .add("day_buy_value", v[0])
                  .add("day_sell_quantity", q[1])
                  .add("day_sell_price", average(v[1], q[1]))
                  .add("day_sell_value", v[1]));
        });
    JsonArray positions = rows.build();
    ok(exchange, Json.createObjectBuilder().add("net", positions).add("day", positions).build());
  }

  private static BigDecimal average(BigDecimal value, int quantity) {
    return quantity == 0
        ? BigDecimal.ZERO
        : value.divide(BigDecimal.valueOf(quantity), 2, java.math.RoundingMode.HALF_UP);
  }

  /** Every app's demat account holds 10 INFY bought long before Tradebridge. */
  private void holdings(HttpExchange exchange) throws IOException {
    JsonArray rows =
        Json.createArrayBuilder()
            .add(
                Json.createObjectBuilder()
                    .add("tradingsymbol", "INFY")
                    .add("exchange", "NSE")
                    .add("instrument_token", 408065)
                    .add("isin", "INE009A01021")
                    .add("product", "CNC")
                    .add("price", 0)
                    .add("quantity", 10)
                    .add("t1_quantity", 0)
                    .add("realised_quantity", 10)
                    .add("authorised_quantity", 0)
                    .add("opening_quantity", 10)
                    .add("collateral_quantity", 0)
                    .add("collateral_type", "")
                    .add("discrepancy", false)
                    .add("average_price", new BigDecimal("1400.00"))
                    .add("last_price", new BigDecimal("1500.00"))
                    .add("close_price", new BigDecimal("1490.00"))
                    .add("pnl", new BigDecimal("1000.00"))
                    .add("day_change", new BigDecimal("10.00"))
                    .add("day_change_percentage", new BigDecimal("0.67")))
            .build();
    send(
        exchange,
        200,
        Json.createObjectBuilder()
            .add("status", "success")
            .add("data", rows)
            .build()
            .toString()
            .getBytes(StandardCharsets.UTF_8));
  }

  /** The equity segment's funds: a fifth of every filled buy's value is blocked as margin. */
  private void margins(HttpExchange exchange, String apiKey) throws IOException {
    BigDecimal debits = BigDecimal.ZERO;
    for (KiteOrder order : orders()) {
      if (order.apiKey.equals(apiKey)
          && order.filled > 0
          && order.form.get("transaction_type").equals("BUY")) {
        debits =
            debits.add(
                order
                    .average
                    .multiply(BigDecimal.valueOf(order.filled))
                    .multiply(new BigDecimal("0.2")));
      }
    }
    JsonObject equity =
        Json.createObjectBuilder()
            .add("enabled", true)
            .add("net", OPENING_BALANCE.subtract(debits))
            .add(
                "available",
                Json.createObjectBuilder()
                    .add("adhoc_margin", 0)
                    .add("cash", OPENING_BALANCE)
                    .add("opening_balance", OPENING_BALANCE)
                    .add("live_balance", OPENING_BALANCE.subtract(debits))
                    .add("collateral", 0)
                    .add("intraday_payin", 0))
            .add(
                "utilised",
                Json.createObjectBuilder()
                    .add("debits", debits)
                    .add("exposure", 0)
                    .add("m2m_realised", 0)
                    .add("m2m_unrealised", 0)
                    .add("option_premium", 0)
                    .add("payout", 0)
                    .add("span", debits)
                    .add("holding_sales", 0)
                    .add("turnover", 0))
            .build();
    ok(
        exchange,
        Json.createObjectBuilder()
            .add("equity", equity)
            .add("commodity", Json.createObjectBuilder().add("enabled", false).add("net", 0))
            .build());
  }

  private static BigDecimal lastPrice(String key) {
    return switch (key) {
      case "NSE:SBIN" -> new BigDecimal("470.50");
      case "NSE:INFY" -> new BigDecimal("1500.00");
      case "NFO:BANKNIFTY26JUNFUT" -> new BigDecimal("52100.00");
      default -> BigDecimal.ZERO;
    };
  }

  private static boolean positive(String number) {
    try {
      return number != null && new BigDecimal(number).signum() > 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String orderProblem(Map<String, String> f) {
    if (!Set.of("NSE", "BSE", "NFO", "BFO", "MCX", "CDS").contains(f.get("exchange"))) {
      return "Invalid `exchange`.";
    }
    if (!Set.of("SBIN", "INFY").contains(f.get("tradingsymbol"))) {
      return "Invalid `tradingsymbol`.";
    }
    if (!Set.of("BUY", "SELL").contains(f.get("transaction_type"))) {
      return "Invalid `transaction_type`.";
    }
    if (!Set.of("MARKET", "LIMIT", "SL", "SL-M").contains(f.get("order_type"))) {
      return "Invalid `order_type`.";
    }
    if (!Set.of("MIS", "CNC", "NRML", "CO").contains(f.get("product"))) {
      return "Invalid `product`.";
    }
    if (f.get("quantity") == null || !f.get("quantity").matches("[1-9]\\d*")) {
      return "Invalid `quantity`.";
    }
    if (f.get("order_type").equals("LIMIT") && !positive(f.get("price"))) {
      return "Missing `price`.";
    }
    if (f.get("order_type").startsWith("SL") && !positive(f.get("trigger_price"))) {
      return "Missing `trigger_price`.";
    }
    if (f.get("tag") != null && f.get("tag").length() > 20) {
      return "Tag length is greater than 20.";
    }
    return null;
  }

  private void orderBook(HttpExchange exchange, String apiKey) throws IOException {
    JsonArrayBuilder rows = Json.createArrayBuilder();
    for (KiteOrder order : orders()) {
      if (order.apiKey.equals(apiKey)) {
        rows.add(orderJson(order));
      }
    }
    byte[] body =
        Json.createObjectBuilder()
            .add("status", "success")
            .add("data", rows)
            .build()
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    send(exchange, 200, body);
  }

  private void cancel(HttpExchange exchange, String apiKey, String orderId) throws IOException {
    changesReceived.incrementAndGet();
    KiteOrder order = orders.get(orderId);
    if (order == null || !order.apiKey.equals(apiKey)) {
      violation(exchange, "cancel of an order not in this app's book");
      error(exchange, 400, "InputException", "Invalid `order_id`.");
      return;
    }
    if (refusedChange(exchange) || !changeable(exchange, order, "cancelled")) {
      return;
    }
    order.status = "CANCELLED";
    waitChangeDelay();
    ok(exchange, Json.createObjectBuilder().add("order_id", orderId).build());
  }

  /**
   * Kite's modification: only the fields it lets change, on a working order of the app's, at most
   * 25 times; quantity not below what has filled; a price where the type needs one.
   */
  private void modify(HttpExchange exchange, String apiKey, String orderId) throws IOException {
    changesReceived.incrementAndGet();
    Map<String, String> form = formBody(exchange);
    if (form == null) {
      return;
    }
    KiteOrder order = orders.get(orderId);
    if (order == null || !order.apiKey.equals(apiKey)) {
      violation(exchange, "modification of an order not in this app's book");
      error(exchange, 400, "InputException", "Invalid `order_id`.");
      return;
    }
    for (String field : form.keySet()) {
      if (!MODIFY_FIELDS.contains(field)) {
        violation(exchange, "field " + field + " cannot be modified");
        error(exchange, 400, "InputException", "Invalid field: " + field);
        return;
      }
    }
    Map<String, String> after = new LinkedHashMap<>(order.form);
    after.putAll(form);
    String problem = orderProblem(after);
    if (problem == null && Integer.parseInt(after.get("quantity")) < order.filled) {
      problem = "Quantity cannot be less than the filled quantity.";
    }
    if (problem != null) {
      violation(exchange, problem);
      error(exchange, 400, "InputException", problem);
      return;
    }
    if (refusedChange(exchange) || !changeable(exchange, order, "modified")) {
      return;
    }
    if (order.modifications >= MAX_MODIFICATIONS) {
      violation(exchange, "more than 25 modifications");
      error(exchange, 400, "OrderException", "Maximum allowed order modifications exceeded.");
      return;
    }
    synchronized (order.form) {
      order.form.putAll(form);
    }
    order.modifications++;
    waitChangeDelay();
    ok(exchange, Json.createObjectBuilder().add("order_id", orderId).build());
  }

  private boolean refusedChange(HttpExchange exchange) throws IOException {
    String[] refusal = refuseNextChange.getAndSet(null);
    if (refusal != null) {
      error(exchange, 400, refusal[0], refusal[1]);
      return true;
    }
    return false;
  }

  /** Kite changes only a working order; what is done is refused, in Kite's words. */
  private static boolean changeable(HttpExchange exchange, KiteOrder order, String what)
      throws IOException {
    if (order.status.equals("OPEN") || order.status.equals("TRIGGER PENDING")) {
      return true;
    }
    error(
        exchange,
        400,
        "OrderException",
        "Order cannot be " + what + " as it is " + order.status.toLowerCase(Locale.ROOT) + ".");
    return false;
  }

  private void waitChangeDelay() {
    if (changeDelayMillis > 0) {
      try {
        Thread.sleep(changeDelayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static JsonObjectBuilder orderJson(KiteOrder order) {
    Map<String, String> f = order.form;
    int quantity = Integer.parseInt(f.get("quantity"));
    JsonObjectBuilder o =
        Json.createObjectBuilder()
            .add("placed_by", "AB1234")
            .add("order_id", order.orderId)
            .add("exchange_order_id", "1000000" + order.orderId)
            .addNull("parent_order_id")
            .add("status", order.status)
            .addNull("status_message")
            .add("order_timestamp", order.timestamp)
            .add("variety", "regular")
            .add("exchange", f.get("exchange"))
            .add("tradingsymbol", f.get("tradingsymbol"))
            .add("order_type", f.get("order_type"))
            .add("transaction_type", f.get("transaction_type"))
            .add("validity", f.getOrDefault("validity", "DAY"))
            .add("product", f.get("product"))
            .add("quantity", quantity)
            .add("disclosed_quantity", 0)
            .add("price", new BigDecimal(f.getOrDefault("price", "0")))
            .add("trigger_price", new BigDecimal(f.getOrDefault("trigger_price", "0")))
            .add("average_price", order.average)
            .add("filled_quantity", order.filled)
            .add("pending_quantity", quantity - order.filled)
            .add("cancelled_quantity", 0)
            .add("meta", Json.createObjectBuilder());
    if (f.get("tag") == null) {
      o.addNull("tag");
    } else {
      o.add("tag", f.get("tag"));
    }
    return o;
  }

  private Map<String, String> formBody(HttpExchange exchange) throws IOException {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (type == null || !type.startsWith("application/x-www-form-urlencoded")) {
      violation(exchange, "body not form-encoded: " + type);
      error(exchange, 400, "InputException", "Invalid content type.");
      return null;
    }
    try (InputStream in = exchange.getRequestBody()) {
      return form(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static Map<String, String> form(String raw) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return fields;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      fields.put(name, value);
    }
    return fields;
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private void violation(HttpExchange exchange, String what) {
    violations.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + ": " + what);
  }

  private static void ok(HttpExchange exchange, JsonObject data) throws IOException {
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

  private static void error(HttpExchange exchange, int status, String type, String message)
      throws IOException {
    send(
        exchange,
        status,
        Json.createObjectBuilder()
            .add("status", "error")
            .add("message", message)
            .addNull("data")
            .add("error_type", type)
            .build()
            .toString()
            .getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
