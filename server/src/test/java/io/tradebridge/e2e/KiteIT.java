package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Trading through Zerodha Kite Connect — what is Kite's own (its login, forms, rate limits, reads,
 * breaker, locks, approvals); the scenarios every broker shares are {@link KiteKitIT}'s — against
 * the test's stand-in that follows Kite's published API and fails the test on any request Kite
 * would refuse (API.md, "Real brokers").
 */
@ExtendWith(SharedServer.class)
class KiteIT {

  /** A trader with a KITE1 account whose Kite app is registered at the stand-in. */
  record KiteTrader(Trader trader, String accountId, KiteStandIn.App app) {}

  @Test
  void aTraderLogsInToKiteFromTheirAccountAndTheLinkWorksOnce(Api api, KiteStandIn kite) {
    KiteTrader t = kiteAccount(api, kite);
    JsonObject before = account(t);
    assertEquals("LOGIN_REQUIRED", before.getString("validationStatus"), before.toString());

    Api.Reply start =
        t.trader().browser.post("/api/v1/trading-accounts/" + t.accountId() + "/broker-login", "");
    assertEquals(200, start.status(), start.toString());
    String loginUrl = start.json().getString("loginUrl");
    assertTrue(loginUrl.startsWith(kite.loginUrl() + "?"), loginUrl);
    assertFalse(loginUrl.contains(t.app().apiSecret()), "the api secret never leaves the server");

    URI callback = kite.signIn(loginUrl);
    Api.Reply back = t.trader().browser.get(callback.getRawPath() + "?" + callback.getRawQuery());
    assertEquals(303, back.status(), back.toString());
    assertEquals(api.base() + "/#/accounts", back.header("Location"));
    assertEquals("VALID", account(t).getString("validationStatus"));

    Api.Reply again = api.fresh().get(callback.getRawPath() + "?" + callback.getRawQuery());
    assertEquals(400, again.status(), "the state is single use: " + again);
    assertEquals("VALIDATION_FAILED", again.code());
    assertEquals(List.of(), kite.violations());
  }

  @Test
  void anOrderGoesToKiteOpenAndAPostbackCompletesItIntoATradeAndAPosition(
      Api api, KiteStandIn kite) {
    KiteTrader t = loggedIn(api, kite);
    Api.Reply placed = placeSbin(t, 5, "470.00");
    assertEquals(201, placed.status(), placed.toString());
    JsonObject order = placed.json();
    assertEquals("OPEN", order.getString("status"));
    KiteStandIn.KiteOrder atKite = onlyOrderOf(kite, t);
    assertEquals(atKite.orderId(), order.getString("brokerOrderId"));
    assertEquals("SBIN", atKite.form().get("tradingsymbol"));
    assertEquals("LIMIT", atKite.form().get("order_type"));
    assertEquals("MIS", atKite.form().get("product"));
    assertEquals("470.00", atKite.form().get("price"));

    assertEquals(200, kite.fill(atKite.orderId(), new BigDecimal("469.95")));

    JsonObject filled = get(t, "/api/v1/orders/" + order.getString("orderId")).json();
    assertEquals("COMPLETE", filled.getString("status"), filled.toString());
    assertEquals(5, filled.getInt("filledQuantity"));
    assertEquals(new BigDecimal("469.95"), filled.getJsonNumber("averagePrice").bigDecimalValue());
    JsonObject trade = get(t, "/api/v1/trades?account=KITE1").array().getJsonObject(0);
    assertEquals(order.getString("orderId"), trade.getString("orderId"));
    assertEquals(5, trade.getInt("quantity"));
    JsonObject position = get(t, "/api/v1/positions?account=KITE1").array().getJsonObject(0);
    assertEquals("SBIN", position.getString("symbol"));
    assertEquals(5, position.getInt("netQuantity"));
    assertEquals(List.of(), kite.violations());
  }

  @Test
  void aKiteAccountsPositionsHoldingsMarginsAndInstrumentsAreKitesInOurSymbols(
      Api api, KiteStandIn kite) {
    KiteTrader t = loggedIn(api, kite);
    kite.tradeAtTerminal(
        t.app(), "NFO", "BANKNIFTY26JUNFUT", "NRML", 30, new BigDecimal("52000.00"));

    List<JsonObject> positions =
        get(t, "/api/v1/positions?account=KITE1").array().getValuesAs(JsonObject.class);
    assertEquals(1, positions.size(), positions.toString());
    JsonObject future = positions.get(0);
    assertEquals("BANKNIFTY_25-JUN-2026_FUT", future.getString("symbol"), "Kite's symbol in ours");
    assertEquals("NORMAL", future.getString("productType"));
    assertEquals(30, future.getInt("netQuantity"));
    assertEquals(new BigDecimal("52100.00"), future.getJsonNumber("lastPrice").bigDecimalValue());
    assertEquals(
        positions,
        get(t, "/api/v1/positions").array().getValuesAs(JsonObject.class).stream()
            .filter(p -> p.getString("account").equals("KITE1"))
            .toList(),
        "all accounts' positions hold Kite's for KITE1");

    JsonObject holding = get(t, "/api/v1/holdings?account=KITE1").array().getJsonObject(0);
    assertEquals("INFY", holding.getString("symbol"));
    assertEquals(10, holding.getInt("quantity"));
    assertEquals(
        new BigDecimal("1400.00"), holding.getJsonNumber("averagePrice").bigDecimalValue());

    JsonObject margins = get(t, "/api/v1/margins?account=KITE1").json();
    BigDecimal blocked = new BigDecimal("312000.00"); // a fifth of 30 x 52,000
    assertEquals(0, blocked.compareTo(margins.getJsonNumber("utilisedMargin").bigDecimalValue()));
    assertEquals(
        0,
        KiteStandIn.OPENING_BALANCE
            .subtract(blocked)
            .compareTo(margins.getJsonNumber("availableCash").bigDecimalValue()),
        margins.toString());

    JsonObject listed =
        get(t, "/api/v1/instruments?account=KITE1&exchange=NFO").array().getJsonObject(0);
    assertEquals("BANKNIFTY_25-JUN-2026_FUT", listed.getString("symbol"));
    assertEquals(30, listed.getInt("lotSize"));
    JsonObject quote = get(t, "/api/v1/quotes?account=KITE1&exchange=NSE&symbol=SBIN").json();
    assertEquals(new BigDecimal("470.50"), quote.getJsonNumber("lastPrice").bigDecimalValue());

    Api.Reply everything =
        t.trader()
            .browser
            .fresh()
            .get("/api/v1/instruments?account=KITE1", "X-API-Key", t.trader().firstKey);
    assertEquals(400, everything.status(), "Kite's whole list is asked for one exchange at a time");
    assertEquals(List.of(), kite.violations());
  }

  @Test
  void theOperatorCanWatchKitesCircuitBreakerOnTheMetrics(Api api, KiteStandIn kite) {
    KiteTrader t = loggedIn(api, kite);
    assertEquals(201, placeSbin(t, 1, "470.00").status());
    String metrics = api.fresh().get("/metrics").body();
    String breaker =
        metrics
            .lines()
            .filter(line -> line.startsWith("ft_circuitbreaker_opened_total"))
            .filter(line -> line.contains("KiteGateway.call"))
            .findFirst()
            .orElse("");
    assertTrue(breaker.endsWith(" 0.0"), "Kite's breaker, never opened here: " + breaker);
  }

  @Test
  void aTraderWhoTradedOnPaperAddsKiteAndTheirNextOrderGoesToKite(Api api, KiteStandIn kite) {
    Trader trader = Trader.register(api).login();
    Api.Reply paper =
        order(
            trader,
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
            "INTRADAY");
    assertEquals(201, paper.status(), paper.toString());

    KiteTrader t = loggedIn(kite, kiteAccount(api, kite, trader));
    Api.Reply placed = placeSbin(t, 2, "470.00");
    assertEquals(201, placed.status(), placed.toString());
    assertEquals(onlyOrderOf(kite, t).orderId(), placed.json().getString("brokerOrderId"));
    assertEquals(List.of(), kite.violations());
  }

  @Test
  void aForgedPostbackIs401AndChangesNothing(Api api, KiteStandIn kite) {
    KiteTrader t = loggedIn(api, kite);
    Api.Reply placed = placeSbin(t, 5, "470.00");
    assertEquals(201, placed.status(), placed.toString());
    KiteStandIn.KiteOrder atKite = onlyOrderOf(kite, t);

    assertEquals(401, kite.postback(atKite, KiteStandIn.checksum("forged" + atKite.orderId())));

    JsonObject order = get(t, "/api/v1/orders/" + placed.json().getString("orderId")).json();
    assertEquals("OPEN", order.getString("status"));
    assertEquals(0, order.getInt("filledQuantity"));
  }

  @Test
  void twentyOrdersAtOnceFromTwoProgramsReachKiteWithinItsRateLimitAndNoneIsLost(
      Api api, KiteStandIn kite) throws Exception {
    KiteTrader t = loggedIn(api, kite);
    Api.Reply second =
        t.trader()
            .browser
            .post(
                "/api/v1/keys",
                Api.json(
                    "label",
                    "second program",
                    "environment",
                    "LIVE",
                    "permissions",
                    List.of("READ", "TRADE"),
                    "password",
                    t.trader().password));
    assertEquals(201, second.status(), second.toString());
    List<String> keys = List.of(t.trader().firstKey, second.json().getString("key"));

    // Ten from each program: within each key's own limit (10/s), twice Kite's.
    ExecutorService programs = Executors.newFixedThreadPool(20);
    List<Future<Integer>> tries = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String key = keys.get(i % 2);
      String clientOrderId = "burst-" + i;
      tries.add(programs.submit(() -> placeUntilTaken(t, key, clientOrderId)));
    }
    int limitedOnce = 0;
    for (Future<Integer> attempt : tries) {
      limitedOnce += attempt.get(60, TimeUnit.SECONDS);
    }
    programs.shutdown();

    long atKite = kite.orders().stream().filter(o -> o.apiKey.equals(t.app().apiKey())).count();
    assertEquals(20, atKite, "every order reached Kite exactly once");
    assertEquals(List.of(), kite.violations(), "Kite never had to refuse a call for its rate");
    assertTrue(limitedOnce <= 20, "orders refused here for Kite's rate: " + limitedOnce);
  }

  /** Places one order, resending it after each 429 as the answer says; returns the 429s seen. */
  private static int placeUntilTaken(KiteTrader t, String key, String clientOrderId)
      throws InterruptedException {
    int limited = 0;
    while (true) {
      Api.Reply reply =
          t.trader()
              .browser
              .fresh()
              .post(
                  "/api/v1/orders",
                  sbinBody(1, "470.00", "clientOrderId", clientOrderId),
                  "X-API-Key",
                  key);
      if (reply.status() != 429) {
        assertEquals(201, reply.status(), reply.toString());
        return limited;
      }
      assertEquals("RATE_LIMITED", reply.code(), reply.toString());
      limited++;
      Thread.sleep(1000L * Long.parseLong(reply.header("Retry-After")));
    }
  }

  @Test
  void aChangeAndACancelReachKiteFirstAndNoLockIsHeldWhileKiteAnswers(Api api, KiteStandIn kite)
      throws Exception {
    KiteTrader t = loggedIn(api, kite);
    Api.Reply placed = placeSbin(t, 5, "470.00");
    assertEquals(201, placed.status(), placed.toString());
    String orderId = placed.json().getString("orderId");
    KiteStandIn.KiteOrder atKite = onlyOrderOf(kite, t);

    int changesBefore = kite.changesReceived();
    kite.slowChanges(1_500);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Api.Reply> change =
          pool.submit(
              () ->
                  t.trader()
                      .browser
                      .fresh()
                      .patch(
                          "/api/v1/orders/" + orderId,
                          Api.json("quantity", 8, "price", new BigDecimal("468.50")),
                          "X-API-Key",
                          t.trader().firstKey));
      Instant deadline = Instant.now().plusSeconds(10);
      while (kite.changesReceived() == changesBefore && Instant.now().isBefore(deadline)) {
        Thread.sleep(20);
      }
      // Kite is still answering the change: the account is not locked meanwhile.
      Api.Reply another =
          t.trader()
              .browser
              .fresh()
              .post("/api/v1/orders", sbinBody(1, "465.00"), "X-API-Key", t.trader().firstKey);
      assertEquals(201, another.status(), another.toString());
      assertFalse(change.isDone(), "the other order was answered while Kite held the change");

      Api.Reply changed = change.get(10, TimeUnit.SECONDS);
      assertEquals(200, changed.status(), changed.toString());
      assertEquals(8, changed.json().getInt("quantity"));
      assertEquals(
          new BigDecimal("468.50"), changed.json().getJsonNumber("price").bigDecimalValue());
      assertEquals("8", atKite.form().get("quantity"));
      assertEquals("468.50", atKite.form().get("price"));
    } finally {
      kite.slowChanges(0);
      pool.shutdownNow();
    }

    Api.Reply cancelled =
        t.trader()
            .browser
            .fresh()
            .delete("/api/v1/orders/" + orderId, "X-API-Key", t.trader().firstKey);
    assertEquals(200, cancelled.status(), cancelled.toString());
    assertEquals("CANCELLED", cancelled.json().getString("status"));
    assertEquals("CANCELLED", atKite.status, "cancelled at Kite");
    assertEquals(List.of(), kite.violations());
  }

  @Test
  void kitesRefusalOfAChangeIs422InKitesWordsAndOurOrderStaysAsItWas(Api api, KiteStandIn kite) {
    KiteTrader t = loggedIn(api, kite);
    Api.Reply placed = placeSbin(t, 5, "470.00");
    assertEquals(201, placed.status(), placed.toString());
    String orderId = placed.json().getString("orderId");

    kite.refuseNextChange("OrderException", "Order cannot be modified as it is being processed.");
    Api.Reply refused =
        t.trader()
            .browser
            .fresh()
            .patch(
                "/api/v1/orders/" + orderId,
                Api.json("price", new BigDecimal("468.00")),
                "X-API-Key",
                t.trader().firstKey);
    assertEquals(422, refused.status(), refused.toString());
    assertEquals("ORDER_REJECTED", refused.code());
    assertEquals(
        "Order cannot be modified as it is being processed.", refused.json().getString("detail"));
    JsonObject ours = get(t, "/api/v1/orders/" + orderId).json();
    assertEquals("OPEN", ours.getString("status"));
    assertEquals(new BigDecimal("470.00"), ours.getJsonNumber("price").bigDecimalValue());

    kite.refuseNextChange("OrderException", "Order cannot be cancelled as it is being processed.");
    Api.Reply notCancelled =
        t.trader()
            .browser
            .fresh()
            .delete("/api/v1/orders/" + orderId, "X-API-Key", t.trader().firstKey);
    assertEquals(422, notCancelled.status(), notCancelled.toString());
    assertEquals("OPEN", get(t, "/api/v1/orders/" + orderId).json().getString("status"));
    assertEquals("OPEN", onlyOrderOf(kite, t).status);
  }

  @Test
  void aSemiAutoKeysKiteOrderApprovedByAPersonReachesKiteExactlyOnce(Api api, KiteStandIn kite) {
    KiteTrader t = loggedIn(api, kite);
    String semi =
        t.trader()
            .browser
            .post(
                "/api/v1/keys",
                Api.json(
                    "label",
                    "signals, approved by hand",
                    "environment",
                    "LIVE",
                    "permissions",
                    List.of("READ", "TRADE"),
                    "orderMode",
                    "SEMI_AUTO",
                    "password",
                    t.trader().password))
            .json()
            .getString("key");
    Api.Reply held =
        t.trader().browser.fresh().post("/api/v1/orders", sbinBody(3, "470.00"), "X-API-Key", semi);
    assertEquals(202, held.status(), held.toString());
    String actionId = held.json().getString("actionId");
    assertEquals(0, kite.orders().stream().filter(o -> o.apiKey.equals(t.app().apiKey())).count());

    Api.Reply approved = t.trader().browser.post("/api/v1/actions/" + actionId + "/approve", null);
    assertEquals(200, approved.status(), approved.toString());
    String orderId = approved.json().getString("orderId");
    JsonObject order = get(t, "/api/v1/orders/" + orderId).json();
    assertEquals("OPEN", order.getString("status"), order.toString());
    KiteStandIn.KiteOrder atKite = onlyOrderOf(kite, t);
    assertEquals(atKite.orderId(), order.getString("brokerOrderId"));
    assertEquals("3", atKite.form().get("quantity"));

    Api.Reply again = t.trader().browser.post("/api/v1/actions/" + actionId + "/approve", null);
    assertEquals(409, again.status(), again.toString());
    onlyOrderOf(kite, t);

    // The key's change to that order is held too, and made at Kite once a person approves it.
    Api.Reply change =
        t.trader()
            .browser
            .fresh()
            .patch("/api/v1/orders/" + orderId, Api.json("quantity", 4), "X-API-Key", semi);
    assertEquals(202, change.status(), change.toString());
    Api.Reply changeApproved =
        t.trader()
            .browser
            .post("/api/v1/actions/" + change.json().getString("actionId") + "/approve", null);
    assertEquals(200, changeApproved.status(), changeApproved.toString());
    assertEquals("4", atKite.form().get("quantity"));
    assertEquals(4, get(t, "/api/v1/orders/" + orderId).json().getInt("quantity"));
    assertEquals(List.of(), kite.violations());
  }

  @Test
  void noKiteSecretOrAccessTokenIsEverLogged(Api api, KiteStandIn kite, RunningServer server)
      throws IOException {
    KiteTrader t = loggedIn(api, kite);
    assertEquals(201, placeSbin(t, 1, "470.00").status());
    String logs = allLogs(server.serverLogs());
    assertFalse(logs.contains(t.app().apiSecret()), "api secret in a log");
    assertFalse(logs.contains("token " + t.app().apiKey()), "authorization header in a log");
  }

  // --- helpers

  private static KiteTrader kiteAccount(Api api, KiteStandIn kite) {
    return kiteAccount(api, kite, Trader.register(api).login());
  }

  static KiteTrader kiteAccount(Api api, KiteStandIn kite, Trader trader) {
    KiteStandIn.App app =
        kite.register(
            api.base() + "/api/v1/brokers/KITE/callback",
            api.base() + "/api/v1/brokers/KITE/postback");
    Api.Reply created =
        trader.browser.post(
            "/api/v1/trading-accounts",
            Api.json(
                "pseudoAccount",
                "KITE1",
                "broker",
                "KITE",
                "loginId",
                "AB1234",
                "live",
                true,
                "credentials",
                Json.createObjectBuilder()
                    .add("apiKey", app.apiKey())
                    .add("apiSecret", app.apiSecret())
                    .build(),
                "password",
                trader.password));
    assertEquals(201, created.status(), created.toString());
    return new KiteTrader(trader, created.json().getString("id"), app);
  }

  @Test
  void ordersPlacedAtKitesOwnTerminalOnACopyMasterAreCopiedAndTheirCancelFollows(
      Api api, KiteStandIn kite) throws Exception {
    KiteTrader t = loggedIn(api, kite);
    Api.Reply rule =
        t.trader()
            .browser
            .post(
                "/api/v1/copy-rules",
                "{\"master\":\"KITE1\",\"children\":[{\"account\":\"PAPER1\",\"multiplier\":2}]}");
    assertEquals(201, rule.status(), rule.toString());

    // Kite's postbacks tell only of the app's own orders: the terminal's are found in its book.
    kite.tradeAtTerminal(t.app(), "NSE", "SBIN", "MIS", 3, new BigDecimal("800.00"));
    JsonObject master = awaitOrder(t, "KITE1", o -> o.getString("symbol").equals("SBIN"));
    assertEquals("COMPLETE", master.getString("status"), master.toString());
    assertEquals(3, master.getInt("filledQuantity"));
    assertEquals(
        0,
        new BigDecimal("800.00").compareTo(master.getJsonNumber("averagePrice").bigDecimalValue()));
    JsonObject copy =
        awaitOrder(
            t, "PAPER1", o -> master.getString("orderId").equals(o.getString("copiedFrom", null)));
    assertEquals(6, copy.getInt("quantity"), "3 × 2");
    assertEquals("COMPLETE", copy.getString("status"));

    BigDecimal under =
        t.trader()
            .browser
            .fresh()
            .get("/api/v1/quotes?exchange=NSE&symbol=ITC", "X-API-Key", t.trader().firstKey)
            .json()
            .getJsonNumber("lastPrice")
            .bigDecimalValue()
            .multiply(new BigDecimal("0.9"))
            .setScale(0, java.math.RoundingMode.DOWN);
    String resting = kite.restAtTerminal(t.app(), "NSE", "ITC", "MIS", 5, under);
    JsonObject open =
        awaitOrder(t, "KITE1", o -> resting.equals(o.getString("brokerOrderId", null)));
    JsonObject openCopy =
        awaitOrder(
            t,
            "PAPER1",
            o ->
                open.getString("orderId").equals(o.getString("copiedFrom", null))
                    && o.getString("status").equals("OPEN"));
    assertEquals(10, openCopy.getInt("quantity"));
    kite.cancelAtTerminal(resting);
    awaitOrder(
        t,
        "PAPER1",
        o ->
            o.getString("orderId").equals(openCopy.getString("orderId"))
                && o.getString("status").equals("CANCELLED"));
    assertEquals(List.of(), kite.violations());
  }

  /** The account's first order that {@code which} holds for, within 20 s. */
  private static JsonObject awaitOrder(
      KiteTrader t, String account, java.util.function.Predicate<JsonObject> which)
      throws InterruptedException {
    long until = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
    List<JsonObject> book = List.of();
    while (System.nanoTime() < until) {
      book = get(t, "/api/v1/orders?account=" + account).array().getValuesAs(JsonObject.class);
      for (JsonObject o : book) {
        if (which.test(o)) {
          return o;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError(account + ": no such order in " + book);
  }

  private static KiteTrader loggedIn(Api api, KiteStandIn kite) {
    return loggedIn(kite, kiteAccount(api, kite));
  }

  static KiteTrader loggedIn(KiteStandIn kite, KiteTrader t) {
    Api.Reply start =
        t.trader().browser.post("/api/v1/trading-accounts/" + t.accountId() + "/broker-login", "");
    URI callback = kite.signIn(start.json().getString("loginUrl"));
    Api.Reply back = t.trader().browser.get(callback.getRawPath() + "?" + callback.getRawQuery());
    assertEquals(303, back.status(), back.toString());
    return t;
  }

  private static Api.Reply placeSbin(KiteTrader t, int quantity, String price) {
    return t.trader()
        .browser
        .fresh()
        .post("/api/v1/orders", sbinBody(quantity, price), "X-API-Key", t.trader().firstKey);
  }

  /** A LIMIT buy of SBIN on KITE1, with any further fields. */
  private static String sbinBody(int quantity, String price, Object... more) {
    Object[] fields = {
      "account",
      "KITE1",
      "exchange",
      "NSE",
      "symbol",
      "SBIN",
      "side",
      "BUY",
      "quantity",
      quantity,
      "orderType",
      "LIMIT",
      "price",
      new BigDecimal(price),
      "productType",
      "INTRADAY"
    };
    Object[] all = java.util.Arrays.copyOf(fields, fields.length + more.length);
    System.arraycopy(more, 0, all, fields.length, more.length);
    return Api.json(all);
  }

  /** An order placed with the trader's first key, from a client of its own (no session). */
  private static Api.Reply order(Trader trader, Object... fields) {
    return trader
        .browser
        .fresh()
        .post("/api/v1/orders", Api.json(fields), "X-API-Key", trader.firstKey);
  }

  private static KiteStandIn.KiteOrder onlyOrderOf(KiteStandIn kite, KiteTrader t) {
    List<KiteStandIn.KiteOrder> mine =
        kite.orders().stream().filter(o -> o.apiKey.equals(t.app().apiKey())).toList();
    assertEquals(1, mine.size(), "exactly one order at Kite");
    assertNotNull(mine.get(0).tag());
    return mine.get(0);
  }

  private static JsonObject account(KiteTrader t) {
    return get(t, "/api/v1/trading-accounts").array().getValuesAs(JsonObject.class).stream()
        .filter(a -> a.getString("pseudoAccount").equals("KITE1"))
        .findFirst()
        .orElseThrow();
  }

  private static Api.Reply get(KiteTrader t, String path) {
    Api.Reply reply = t.trader().browser.fresh().get(path, "X-API-Key", t.trader().firstKey);
    assertEquals(200, reply.status(), reply.toString());
    return reply;
  }

  private static String allLogs(Path folder) throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        all.append(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1));
      }
    }
    return all.toString();
  }
}
