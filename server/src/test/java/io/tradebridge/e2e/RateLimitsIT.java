package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The default limits of API.md: orders 10/s per key, batch rows counted one by one, webhook 20/min.
 */
@ExtendWith(SharedServer.class)
class RateLimitsIT {

  /** The shared server's sign-in limit per address: far above what the suite does from loopback. */
  static final int SIGN_INS_PER_MINUTE = 1000;

  static String order(String clientOrderId) {
    return Api.json(
        "account",
        "PAPER1",
        "exchange",
        "NSE",
        "symbol",
        "ITC",
        "side",
        "BUY",
        "quantity",
        1,
        "orderType",
        "MARKET",
        "productType",
        "INTRADAY",
        "clientOrderId",
        clientOrderId);
  }

  private static int ordersOf(Api api, String key) {
    return api.fresh().get("/api/v1/orders", "X-API-Key", key).array().size();
  }

  @Test
  void theEleventhOrderInASecondGets429WithRetryAfterAndIsNotPlaced(Api api) throws Exception {
    Trader trader = Trader.register(api);
    // One order first warms the path (a cold server is slow).
    assertEquals(
        201,
        api.fresh()
            .post("/api/v1/orders", order("warm-up"), "X-API-Key", trader.firstKey)
            .status());
    int placed = 1;
    Burst burst = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      Thread.sleep(1100); // the previous window closes
      burst = burst(api, trader.firstKey, attempt);
      placed += burst.byStatus.getOrDefault(201, 0);
      if (burst.refused != null) {
        break;
      }
      // No refusal is a failure when all eleven certainly fell within one second; a burst this
      // machine stretched over more than a second proves nothing either way, so it is tried again.
      assertTrue(
          burst.spanMillis > 1000, "11 orders within " + burst.spanMillis + " ms were all placed");
    }
    assertEquals(Map.of(201, 10, 429, 1), burst.byStatus);
    Api.Reply refused = burst.refused;
    assertEquals("RATE_LIMITED", refused.code());
    int retryAfter = Integer.parseInt(refused.header("Retry-After"));
    assertEquals(1, retryAfter, refused.toString());
    assertTrue(refused.json().getString("detail").contains("10 per second"), refused.toString());
    assertEquals(placed, ordersOf(api, trader.firstKey), "the refused order must not be placed");

    Thread.sleep(retryAfter * 1000L + 100);
    Api.Reply later =
        api.fresh().post("/api/v1/orders", order("after-the-wait"), "X-API-Key", trader.firstKey);
    assertEquals(201, later.status(), later.toString());
  }

  private record Burst(Map<Integer, Integer> byStatus, Api.Reply refused, long spanMillis) {}

  /** Eleven orders at once, so that they fall within one second unless the machine is very slow. */
  private static Burst burst(Api api, String key, int attempt) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(11);
    List<Future<Api.Reply>> replies = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < 11; i++) {
      String body = order("burst-" + attempt + "-" + i);
      replies.add(
          pool.submit(
              (Callable<Api.Reply>)
                  () -> api.fresh().post("/api/v1/orders", body, "X-API-Key", key)));
    }
    Map<Integer, Integer> byStatus = new TreeMap<>();
    Api.Reply refused = null;
    for (Future<Api.Reply> f : replies) {
      Api.Reply reply = f.get();
      byStatus.merge(reply.status(), 1, Integer::sum);
      if (reply.status() == 429) {
        refused = reply;
      }
    }
    long span = (System.nanoTime() - started) / 1_000_000;
    pool.shutdown();
    return new Burst(byStatus, refused, span);
  }

  @Test
  void batchRowsPastTheLimitGetTheirOwn429AndBadRowsCostNothing(Api api) throws Exception {
    Trader trader = Trader.register(api);
    StringBuilder rows = new StringBuilder("{\"orders\":[");
    rows.append(
        Api.json(
            "account",
            "PAPER1",
            "exchange",
            "NSE",
            "symbol",
            "ITC",
            "side",
            "BUY",
            "quantity",
            0,
            "orderType",
            "MARKET",
            "productType",
            "INTRADAY"));
    for (int i = 0; i < 12; i++) {
      rows.append(',').append(order("row-" + i));
    }
    rows.append("]}");
    JsonObject result =
        api.fresh()
            .post("/api/v1/orders/batch", rows.toString(), "X-API-Key", trader.firstKey)
            .json();
    List<Integer> statuses =
        result.getJsonArray("results").getValuesAs(JsonObject.class).stream()
            .map(r -> r.getInt("status"))
            .toList();
    assertEquals(
        400, statuses.get(0), "a row that fails validation is refused first and costs nothing");
    assertEquals(
        List.of(201, 201, 201, 201, 201, 201, 201, 201, 201, 201, 429, 429),
        statuses.subList(1, 13));
    JsonObject limited = result.getJsonArray("results").getJsonObject(12).getJsonObject("problem");
    assertEquals("RATE_LIMITED", limited.getString("code"));
    int retryAfter = limited.getInt("retryAfter");
    assertEquals(10, ordersOf(api, trader.firstKey));

    // The client resends the refused rows after the wait; their client order ids keep it safe.
    Thread.sleep(retryAfter * 1000L + 100);
    String again =
        "{\"orders\":[" + order("row-10") + "," + order("row-11") + "," + order("row-0") + "]}";
    JsonObject second =
        api.fresh().post("/api/v1/orders/batch", again, "X-API-Key", trader.firstKey).json();
    assertEquals(
        List.of(201, 201, 201),
        second.getJsonArray("results").getValuesAs(JsonObject.class).stream()
            .map(r -> r.getInt("status"))
            .toList(),
        second.toString());
    assertEquals(12, ordersOf(api, trader.firstKey), "row-0 was a repeat and placed nothing new");
  }

  @Test
  void aPersonInTheBrowserIsNotLimitedByTheKeysCounters(Api api) {
    Trader trader = Trader.register(api).login();
    for (int i = 0; i < 12; i++) {
      Api.Reply reply = trader.browser.post("/api/v1/orders", order("browser-" + i));
      assertEquals(201, reply.status(), reply.toString());
    }
    assertNotNull(trader.browser.get("/api/v1/orders").array());
  }

  @Test
  void oneAddressFloodingSignInsIsTurnedAwayBeforeAnyPasswordIsHashedAndOthersAreNot(Api api) {
    Trader victim = Trader.register(api);
    String flooder = "192.0.2." + (1 + (int) (System.nanoTime() % 250));
    Api.Reply last = null;
    int refused = 0;
    for (int i = 0; i <= SIGN_INS_PER_MINUTE && refused == 0; i++) {
      // An empty body: the throttle counts it before the body is read, so the loop costs no
      // hashing.
      last = api.fresh().post("/api/v1/auth/login", "{}", "X-Forwarded-For", flooder);
      refused += last.status() == 429 ? 1 : 0;
    }
    assertEquals(
        429,
        last.status(),
        "sign-in " + (SIGN_INS_PER_MINUTE + 1) + " from one address in a minute: " + last);
    assertEquals("RATE_LIMITED", last.code());
    assertTrue(Long.parseLong(last.header("Retry-After")) >= 1, last.toString());
    Api.Reply registration =
        api.fresh()
            .post(
                "/api/v1/auth/register",
                Api.json(
                    "username",
                    "late" + System.nanoTime(),
                    "email",
                    "late@example.com",
                    "password",
                    "a long enough password"),
                "X-Forwarded-For",
                flooder);
    assertEquals(429, registration.status(), "registration costs a hash too: " + registration);

    Api.Reply elsewhere =
        api.fresh()
            .post(
                "/api/v1/auth/login",
                Api.json("username", victim.username, "password", victim.password),
                "X-Forwarded-For",
                "198.51.100.77");
    assertEquals(200, elsewhere.status(), "another address signs in as usual: " + elsewhere);
  }
}
