package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two runnable servers over one real PostgreSQL, with nginx in front as a round-robin load balancer
 * (API.md, "Several servers over one PostgreSQL"). Both start at once, so one migrates the empty
 * database while the other waits on Flyway's lock. The last test kills one of them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

  /** Small enough that two servers counting apart would let twice as many through. */
  private static final int READS_PER_SECOND = 10;

  private static Postgres postgres;
  private static RunningServer a;
  private static RunningServer b;
  private static Nginx nginx;
  private static Map<String, String> environment;

  @BeforeAll
  static void startPostgresTwoServersAndNginx() {
    postgres = Postgres.start();
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    environment = new HashMap<>(postgres.serverEnvironment());
    environment.put("TRADEBRIDGE_MASTER_KEY", Base64.getEncoder().encodeToString(key));
    environment.put("TRADEBRIDGE_TRUSTED_PROXIES", "127.0.0.1");
    environment.put("TRADEBRIDGE_RATE_READS_PER_SECOND", String.valueOf(READS_PER_SECOND));
    environment.put("TRADEBRIDGE_RATE_ORDERS_PER_SECOND", "200");
    a = new RunningServer(RunningServer.newHome("scale-a"), environment);
    b = new RunningServer(RunningServer.newHome("scale-b"), environment);
    CompletableFuture.allOf(
            CompletableFuture.runAsync(a::start), CompletableFuture.runAsync(b::start))
        .join();
    nginx = Nginx.roundRobin(List.of(a.httpPort(), b.httpPort()));
  }

  @AfterAll
  static void stopEverything() {
    for (AutoCloseable c : new AutoCloseable[] {nginx, a, b, postgres}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // the next one still stops
      }
    }
  }

  @Test
  @Order(1)
  void theDatabaseWasMigratedOnceThoughBothServersStartedTogether() {
    int applied =
        Integer.parseInt(postgres.psql("SELECT count(*) FROM flyway_schema_history WHERE success"));
    assertTrue(applied >= 3, "every migration applied: " + applied);
    // Flyway locks PostgreSQL per migration (a transaction-level advisory lock), so the two
    // servers may share the work — V1..V5 by one, V6 by the other — but never run one twice.
    List<Integer> runByEach = List.of(migrationsRun(a), migrationsRun(b));
    assertEquals(
        applied,
        runByEach.get(0) + runByEach.get(1),
        "each migration was run by exactly one of the servers: " + runByEach);
    assertEquals(
        "0",
        postgres
            .psql(
                "SELECT count(*) FROM (SELECT version FROM flyway_schema_history"
                    + " WHERE version IS NOT NULL GROUP BY version HAVING count(*) > 1) twice")
            .strip(),
        "no migration is recorded twice");
  }

  private static int migrationsRun(RunningServer server) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\\(POSTGRESQL, (\\d+) migrations run now\\)")
            .matcher(log(server));
    assertTrue(m.find(), "the server logs its schema version");
    return Integer.parseInt(m.group(1));
  }

  @Test
  @Order(2)
  void aUserRegisteredOnOneServerSignsInOnTheOtherAndThroughTheBalancer() {
    Trader trader = Trader.register(new Api(a.baseUrl()));
    Api onB = new Api(b.baseUrl());
    Api.Reply login =
        onB.post(
            "/api/v1/auth/login",
            Api.json("username", trader.username, "password", trader.password));
    assertEquals(200, login.status(), login.toString());
    onB.useCsrf(login.json().getString("csrfToken"));
    assertEquals(200, onB.get("/api/v1/keys").status(), "B's session works on B");
    Api balanced = new Api(nginx.baseUrl());
    for (int i = 0; i < 4; i++) {
      assertEquals(
          200,
          balanced.get("/api/v1/ping", "X-API-Key", trader.firstKey).status(),
          "whichever server nginx picks knows the key");
    }
  }

  @Test
  @Order(3)
  void aKeyRevokedOnOneServerIsRefusedByTheOtherOnTheVeryNextRequest() {
    Trader trader = Trader.register(new Api(a.baseUrl())).login();
    Api onB = new Api(b.baseUrl());
    assertEquals(
        200,
        onB.get("/api/v1/ping", "X-API-Key", trader.firstKey).status(),
        "B has checked (and may remember) the key");
    assertEquals(204, trader.browser.delete("/api/v1/keys/" + trader.firstKeyId).status());
    Api.Reply next = onB.get("/api/v1/ping", "X-API-Key", trader.firstKey);
    assertEquals(401, next.status(), "revoked on A, refused by B at once: " + next);
  }

  @Test
  @Order(4)
  void theSameClientOrderIdSentToBothServersAtTheSameInstantPlacesOneOrder() throws Exception {
    Trader trader = Trader.register(new Api(a.baseUrl()));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 5; round++) {
        String body = order("TATASTEEL", "BUY", "MARKET", null, "race-" + round);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        for (RunningServer server : List.of(a, b)) {
          Api api = new Api(server.baseUrl());
          replies.add(
              pool.submit(
                  () -> {
                    go.await();
                    return api.post("/api/v1/orders", body, "X-API-Key", trader.firstKey);
                  }));
        }
        go.countDown();
        Api.Reply first = replies.get(0).get();
        Api.Reply second = replies.get(1).get();
        assertEquals(201, first.status(), first.toString());
        assertEquals(201, second.status(), second.toString());
        assertEquals(
            first.json().getString("orderId"),
            second.json().getString("orderId"),
            "both servers answer with the one order placed");
      }
    } finally {
      pool.shutdownNow();
    }
    List<String> ids = clientOrderIds(new Api(b.baseUrl()), trader.firstKey);
    assertEquals(5, ids.size(), "one order per client order id: " + ids);
    assertEquals(5, new HashSet<>(ids).size(), ids.toString());
  }

  @Test
  @Order(5)
  void aPerKeyRateLimitHoldsAcrossBothServers() throws Exception {
    Trader trader = Trader.register(new Api(a.baseUrl()));
    Api onA = new Api(a.baseUrl());
    Api onB = new Api(b.baseUrl());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<long[]>> sent = new ArrayList<>();
      for (int i = 0; i < 80; i++) {
        Api api = i % 2 == 0 ? onA : onB;
        sent.add(
            pool.submit(
                () -> {
                  long second = System.currentTimeMillis() / 1000;
                  int status = api.get("/api/v1/ping", "X-API-Key", trader.firstKey).status();
                  return new long[] {second, status};
                }));
      }
      Set<Long> seconds = new HashSet<>();
      int allowed = 0;
      int limited = 0;
      for (Future<long[]> f : sent) {
        long[] r = f.get();
        seconds.add(r[0]);
        if (r[1] == 200) {
          allowed++;
        } else if (r[1] == 429) {
          limited++;
        } else {
          fail("unexpected status " + r[1]);
        }
      }
      assertTrue(limited > 0, "80 reads at once go past a limit of " + READS_PER_SECOND);
      // Windows are whole seconds: at most the limit in each second the requests touched (plus
      // the one after, where a request sent at the end of a second may be counted).
      int most = READS_PER_SECOND * (seconds.size() + 1);
      assertTrue(
          allowed <= most,
          allowed + " reads allowed in " + seconds.size() + " second(s): more than " + most);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @Order(6)
  void bothServersQuoteTheSameMovingMarket() throws Exception {
    Trader trader = Trader.register(new Api(a.baseUrl()));
    String path = "/api/v1/quotes?exchange=NSE&symbol=TATASTEEL";
    Api onA = new Api(a.baseUrl());
    Api onB = new Api(b.baseUrl());
    List<String> seen = new ArrayList<>();
    for (int attempt = 0; attempt < 20; attempt++) {
      JsonObject a1 = onA.get(path, "X-API-Key", trader.firstKey).json();
      JsonObject fromB = onB.get(path, "X-API-Key", trader.firstKey).json();
      JsonObject a2 = onA.get(path, "X-API-Key", trader.firstKey).json();
      seen.add(market(a1) + " | " + market(fromB) + " | " + market(a2));
      if (market(a1).equals(market(a2)) && market(a1).equals(market(fromB))) {
        assertTrue(a1.getJsonNumber("volume").longValue() > 0, "the market has traded");
        return;
      }
      Thread.sleep(600);
    }
    fail("A and B never quoted the same market: " + seen);
  }

  /**
   * A program's stream, through the balancer (nginx passes the upgrade), hears of an order placed
   * on each server and of a revocation made on the other: the database is the one place it all
   * meets.
   */
  @Test
  @Order(6)
  void aStreamThroughTheBalancerHearsOfOrdersPlacedOnEitherServerAndOfARevocationOnTheOther()
      throws Exception {
    Trader trader = Trader.register(new Api(a.baseUrl())).login();
    try (StreamClient stream = StreamClient.signedIn(new Api(nginx.baseUrl()), trader.firstKey)) {
      stream.send(
          "{\"action\":\"subscribe\",\"orders\":true,\"quotes\":[{\"exchange\":\"NSE\",\"symbol\":\"SBIN\"}]}");
      stream.next("subscribed");
      stream.next("quote");
      for (RunningServer server : List.of(a, b)) {
        Api.Reply r =
            new Api(server.baseUrl())
                .post(
                    "/api/v1/orders",
                    Api.json(
                        "account",
                        "PAPER1",
                        "exchange",
                        "NSE",
                        "symbol",
                        "SBIN",
                        "side",
                        "BUY",
                        "quantity",
                        1,
                        "orderType",
                        "MARKET",
                        "productType",
                        "INTRADAY"),
                    "X-API-Key",
                    trader.firstKey);
        assertEquals(201, r.status(), r.toString());
        String orderId = r.json().getString("orderId");
        stream.next(
            m -> "order".equals(m.getString("type")) && orderId.equals(m.getString("orderId")),
            java.time.Duration.ofSeconds(3));
      }
      // Revoked through each server in turn would need two keys; one revocation on A is enough:
      // the stream may sit on either, and is cut off within the 2 s look either way.
      assertEquals(204, trader.browser.delete("/api/v1/keys/" + trader.firstKeyId).status());
      assertEquals(1008, stream.closed(java.time.Duration.ofSeconds(4)).code());
    }
  }

  /**
   * kill -9 of the server that drives the paper market while orders stream into it: the client
   * sends every order again to the other server (safe, by client order id), and each is there
   * exactly once; the other takes the market over within 30 s, and resting orders fill there.
   */
  @Test
  @Order(7)
  void killingTheServerThatDrivesTheMarketLosesNoOrderAndTheOtherTakesOverWithin30s()
      throws Exception {
    RunningServer driver = log(a).contains("now drives the paper market") ? a : b;
    RunningServer survivor = driver == a ? b : a;
    assertTrue(
        !log(survivor).contains("This server ("), "only one server drives the market at a time");
    Trader trader = Trader.register(new Api(survivor.baseUrl()));
    Api toDriver = new Api(driver.baseUrl());
    int orders = 60;
    CountDownLatch halfway = new CountDownLatch(20);
    CompletableFuture<Void> stream =
        CompletableFuture.runAsync(
            () -> {
              for (int i = 0; i < orders; i++) {
                try {
                  toDriver.post(
                      "/api/v1/orders",
                      order("TATASTEEL", "BUY", "MARKET", null, "crash-" + i),
                      "X-API-Key",
                      trader.firstKey);
                } catch (RuntimeException | AssertionError connectionLost) {
                  // the server died under this order: it is sent again below
                }
                halfway.countDown();
              }
            });
    halfway.await();
    long killedAt = System.nanoTime();
    driver.kill();
    stream.join();

    Api onSurvivor = new Api(survivor.baseUrl());
    JsonObject quote =
        onSurvivor
            .get("/api/v1/quotes?exchange=NSE&symbol=TATASTEEL", "X-API-Key", trader.firstKey)
            .json();
    BigDecimal last = quote.getJsonNumber("lastPrice").bigDecimalValue();
    // Either way the market moves, one of these two resting orders fills.
    String restingBuy = placed(onSurvivor, trader, order("TATASTEEL", "BUY", "LIMIT", last, "rb"));
    String restingSell =
        placed(onSurvivor, trader, order("TATASTEEL", "SELL", "LIMIT", last, "rs"));

    for (int i = 0; i < orders; i++) {
      Api.Reply again =
          onSurvivor.post(
              "/api/v1/orders",
              order("TATASTEEL", "BUY", "MARKET", null, "crash-" + i),
              "X-API-Key",
              trader.firstKey);
      assertEquals(201, again.status(), "crash-" + i + ": " + again);
    }
    List<String> ids = clientOrderIds(onSurvivor, trader.firstKey);
    long crashOrders = ids.stream().filter(id -> id.startsWith("crash-")).count();
    assertEquals(orders, crashOrders, "every order once: none lost, none doubled");
    assertEquals(
        orders,
        ids.stream().filter(id -> id.startsWith("crash-")).distinct().count(),
        ids.toString());

    long deadline = killedAt + 30_000_000_000L;
    while (!log(survivor).contains("This server (") && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }
    assertTrue(
        log(survivor).contains("This server ("), "the survivor drives the market within 30 s");
    long fillDeadline = System.nanoTime() + 90_000_000_000L;
    while (System.nanoTime() < fillDeadline) {
      String buy = status(onSurvivor, trader, restingBuy);
      String sell = status(onSurvivor, trader, restingSell);
      if (buy.equals("COMPLETE") || sell.equals("COMPLETE")) {
        return;
      }
      Thread.sleep(1000);
    }
    fail("no resting order filled after the takeover");
  }

  @Test
  @Order(8)
  void aServerWithAnotherMasterKeyRefusesToStartOnTheSharedDatabase() {
    Map<String, String> otherKey = new HashMap<>(environment);
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    otherKey.put("TRADEBRIDGE_MASTER_KEY", Base64.getEncoder().encodeToString(key));
    RunningServer c = new RunningServer(RunningServer.newHome("scale-c"), otherKey);
    try {
      IllegalStateException refused = assertThrows(IllegalStateException.class, c::start);
      assertTrue(refused.getMessage().contains("exited with 78"), refused.getMessage());
      assertTrue(
          log(c).contains("master key is not the one this database's secrets were sealed with"),
          "the log says why");
    } finally {
      c.close();
    }
  }

  private static String placed(Api api, Trader trader, String body) {
    Api.Reply r = api.post("/api/v1/orders", body, "X-API-Key", trader.firstKey);
    assertEquals(201, r.status(), r.toString());
    assertNotEquals("COMPLETE", r.json().getString("status"), "a resting order: " + r);
    return r.json().getString("orderId");
  }

  private static String status(Api api, Trader trader, String orderId) {
    return api.get("/api/v1/orders/" + orderId, "X-API-Key", trader.firstKey)
        .json()
        .getString("status");
  }

  private static String market(JsonObject quote) {
    return quote.getJsonNumber("lastPrice") + "/" + quote.getJsonNumber("volume");
  }

  private static List<String> clientOrderIds(Api api, String key) {
    List<String> ids = new ArrayList<>();
    api.get("/api/v1/orders", "X-API-Key", key)
        .array()
        .forEach(o -> ids.add(o.asJsonObject().getString("clientOrderId", "")));
    return ids;
  }

  private static String order(
      String symbol, String side, String type, BigDecimal price, String clientOrderId) {
    List<Object> fields =
        new ArrayList<>(
            List.of(
                "account",
                "PAPER1",
                "exchange",
                "NSE",
                "symbol",
                symbol,
                "side",
                side,
                "quantity",
                1,
                "orderType",
                type,
                "productType",
                "INTRADAY",
                "clientOrderId",
                clientOrderId));
    if (price != null) {
      fields.addAll(List.of("price", price));
    }
    return Api.json(fields.toArray());
  }

  private static String log(RunningServer server) {
    try {
      return Files.readString(server.serverLogs().resolve("messages.log"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
