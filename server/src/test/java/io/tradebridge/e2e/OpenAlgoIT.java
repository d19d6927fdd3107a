package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAlgo-compatible API as OpenAlgo's own clients use it: the bodies below are the ones
 * OpenAlgo's Python SDK sends (every number as a string, {@code apikey} in the body, JSON), and
 * TradingView's strategy alert as OpenAlgo's documentation writes it (text/plain, lower-case
 * action). Each answer is checked for the fields those clients read.
 */
@ExtendWith(SharedServer.class)
class OpenAlgoIT {

  private static final String BASE = "/openalgo/api/v1/";

  private static Api.Reply call(Api api, String endpoint, String body) {
    return api.fresh().post(BASE + endpoint, body);
  }

  /** What {@code client.placeorder(...)} of OpenAlgo's Python SDK sends. */
  private static String sdkOrder(String key, String symbol, String action, int quantity) {
    return Api.json(
        "apikey",
        key,
        "strategy",
        "Python",
        "symbol",
        symbol,
        "action",
        action,
        "exchange",
        "NSE",
        "pricetype",
        "MARKET",
        "product",
        "MIS",
        "quantity",
        String.valueOf(quantity));
  }

  private static JsonObject ok(Api.Reply reply) {
    assertEquals(200, reply.status(), reply.toString());
    JsonObject json = reply.json();
    assertEquals("success", json.getString("status"), json.toString());
    return json;
  }

  private static void error(Api.Reply reply, int status, String message) {
    assertEquals(status, reply.status(), reply.toString());
    assertEquals("error", reply.json().getString("status"), reply.toString());
    assertEquals(message, reply.json().getString("message"), reply.toString());
  }

  @Test
  void theSdksOrderIsPlacedOnTheKeysDefaultAccountAndReadBackInOpenAlgosShapes(Api api) {
    Trader trader = Trader.register(api);
    String key = trader.firstKey;
    JsonObject placed = ok(call(api, "placeorder", sdkOrder(key, "ITC", "BUY", 3)));
    String orderId = placed.getString("orderid");

    JsonObject ours = api.fresh().get("/api/v1/orders/" + orderId, "X-API-Key", key).json();
    assertEquals("PAPER1", ours.getString("account"), "the key's default account");
    assertEquals("INTRADAY", ours.getString("productType"));
    assertEquals("COMPLETE", ours.getString("status"), "a paper MARKET order fills at once");

    JsonObject status =
        ok(call(
                api,
                "orderstatus",
                Api.json("apikey", key, "strategy", "Python", "orderid", orderId)))
            .getJsonObject("data");
    assertEquals("complete", status.getString("order_status"));
    assertEquals("BUY", status.getString("action"));
    assertEquals("ITC", status.getString("symbol"));
    assertEquals("NSE", status.getString("exchange"));
    assertEquals("MIS", status.getString("product"));
    assertEquals("MARKET", status.getString("pricetype"));
    assertEquals("3", status.getString("quantity"));
    assertTrue(status.getJsonNumber("average_price").doubleValue() > 0, status.toString());
    assertTrue(
        status.getString("timestamp").matches("\\d\\d-[A-Z][a-z]{2}-\\d{4} \\d\\d:\\d\\d:\\d\\d"));

    JsonObject book = ok(call(api, "orderbook", Api.json("apikey", key))).getJsonObject("data");
    assertEquals(1, book.getJsonArray("orders").size());
    assertEquals(
        1.0, book.getJsonObject("statistics").getJsonNumber("total_buy_orders").doubleValue());
    assertEquals(
        1.0,
        book.getJsonObject("statistics").getJsonNumber("total_completed_orders").doubleValue());

    JsonArray trades = ok(call(api, "tradebook", Api.json("apikey", key))).getJsonArray("data");
    assertEquals(orderId, trades.getJsonObject(0).getString("orderid"));
    assertEquals(3, trades.getJsonObject(0).getInt("quantity"));
    assertEquals("MIS", trades.getJsonObject(0).getString("product"));

    JsonObject position =
        ok(call(api, "positionbook", Api.json("apikey", key)))
            .getJsonArray("data")
            .getJsonObject(0);
    assertEquals("3", position.getString("quantity"));
    assertEquals("ITC", position.getString("symbol"));
    assertTrue(position.getString("average_price").matches("\\d+\\.\\d\\d"), position.toString());

    assertEquals(
        "3",
        ok(call(
                api,
                "openposition",
                Api.json(
                    "apikey",
                    key,
                    "strategy",
                    "Python",
                    "symbol",
                    "ITC",
                    "exchange",
                    "NSE",
                    "product",
                    "MIS")))
            .getString("quantity"));

    JsonObject funds = ok(call(api, "funds", Api.json("apikey", key))).getJsonObject("data");
    for (String field :
        List.of("availablecash", "collateral", "m2mrealized", "m2munrealized", "utiliseddebits")) {
      assertTrue(funds.getString(field).matches("-?\\d+\\.\\d\\d"), field + " in " + funds);
    }
    assertTrue(new BigDecimal(funds.getString("utiliseddebits")).signum() > 0, funds.toString());

    JsonObject quote =
        ok(call(api, "quotes", Api.json("apikey", key, "symbol", "ITC", "exchange", "NSE")))
            .getJsonObject("data");
    assertTrue(
        quote.getJsonNumber("bid").doubleValue() < quote.getJsonNumber("ask").doubleValue(),
        quote.toString());
    assertTrue(quote.containsKey("prev_close") && quote.containsKey("volume"), quote.toString());
    JsonObject depth =
        ok(call(api, "depth", Api.json("apikey", key, "symbol", "ITC", "exchange", "NSE")))
            .getJsonObject("data");
    assertEquals(5, depth.getJsonArray("asks").size());
    assertEquals(5, depth.getJsonArray("bids").size());
    assertTrue(depth.getJsonNumber("totalbuyqty").longValue() > 0, depth.toString());

    JsonObject pong = ok(call(api, "ping", Api.json("apikey", key))).getJsonObject("data");
    assertEquals("pong", pong.getString("message"));
    assertEquals("paper", pong.getString("broker"));

    JsonObject holdings = ok(call(api, "holdings", Api.json("apikey", key))).getJsonObject("data");
    assertTrue(holdings.containsKey("holdings") && holdings.containsKey("statistics"));
  }

  @Test
  void aSmartOrderPlacesOnlyTheDifferenceFromFlatFromLongAndFromShort(Api api) {
    String key = Trader.register(api).firstKey;
    record Step(String action, int quantity, int positionSize, String expected, int after) {}
    List<Step> steps =
        List.of(
            new Step("BUY", 5, 5, "BUY 5", 5), // from flat: to the target
            new Step("SELL", 5, 2, "SELL 3", 2), // from long, smaller
            new Step("SELL", 5, -3, "SELL 5", -3), // from long through flat to short
            new Step("SELL", 5, -3, "none", -3), // already there
            new Step("BUY", 1, 0, "BUY 3", 0)); // from short back to flat
    int orders = 0;
    for (Step step : steps) {
      JsonObject answer =
          ok(
              call(
                  api,
                  "placesmartorder",
                  Api.json(
                      "apikey",
                      key,
                      "strategy",
                      "Python",
                      "symbol",
                      "SBIN",
                      "action",
                      step.action(),
                      "exchange",
                      "NSE",
                      "pricetype",
                      "MARKET",
                      "product",
                      "MIS",
                      "quantity",
                      String.valueOf(step.quantity()),
                      "position_size",
                      String.valueOf(step.positionSize()))));
      if (step.expected().equals("none")) {
        assertEquals("Positions Already Matched. No Action needed.", answer.getString("message"));
        assertFalse(answer.containsKey("orderid"));
      } else {
        orders++;
        JsonObject order =
            api.fresh()
                .get("/api/v1/orders/" + answer.getString("orderid"), "X-API-Key", key)
                .json();
        assertEquals(
            step.expected(),
            order.getString("side") + " " + order.getInt("quantity"),
            order.toString());
      }
      String held =
          ok(call(
                  api,
                  "openposition",
                  Api.json("apikey", key, "symbol", "SBIN", "exchange", "NSE", "product", "MIS")))
              .getString("quantity");
      assertEquals(String.valueOf(step.after()), held, "after " + step);
    }
    assertEquals(orders, api.fresh().get("/api/v1/orders", "X-API-Key", key).array().size());
  }

  @Test
  void aTradingViewStrategyAlertAsOpenAlgoDocumentsItTrades(Api api) {
    String key = Trader.register(api).firstKey;
    // The alert message of README "OpenAlgo-compatible API", as TradingView fills it in and sends
    // it: text/plain, the action in lower case, the numbers as text.
    String alert =
        "{\"apikey\":\""
            + key
            + "\",\"strategy\":\"Tradingview\",\"symbol\":\"NTPC\",\"action\":\"buy\",\"exchange\":\"NSE\","
            + "\"pricetype\":\"MARKET\",\"product\":\"MIS\",\"quantity\":\"4\",\"position_size\":\"4\"}";
    JsonObject answer =
        ok(
            api.fresh()
                .post(
                    BASE + "placesmartorder", alert, "Content-Type", "text/plain; charset=utf-8"));
    JsonObject order =
        api.fresh().get("/api/v1/orders/" + answer.getString("orderid"), "X-API-Key", key).json();
    assertEquals("BUY", order.getString("side"));
    assertEquals(4, order.getInt("quantity"));
    ok(
        api.fresh()
            .post(
                BASE + "placesmartorder",
                alert
                    .replace("\"buy\"", "\"sell\"")
                    .replace("\"position_size\":\"4\"", "\"position_size\":\"0\""),
                "Content-Type",
                "text/plain"));
    assertEquals(
        "0",
        ok(call(
                api,
                "openposition",
                Api.json("apikey", key, "symbol", "NTPC", "exchange", "NSE", "product", "MIS")))
            .getString("quantity"),
        "the exit alert closed the position");
  }

  @Test
  void restingOrdersAreChangedCancelledAndEverythingSquaredOff(Api api) {
    String key = Trader.register(api).firstKey;
    BigDecimal last =
        api.fresh()
            .get("/api/v1/quotes?exchange=NSE&symbol=WIPRO", "X-API-Key", key)
            .json()
            .getJsonNumber("lastPrice")
            .bigDecimalValue();
    String low =
        last.multiply(new BigDecimal("0.9"))
            .setScale(1, java.math.RoundingMode.DOWN)
            .toPlainString();
    String lower =
        last.multiply(new BigDecimal("0.88"))
            .setScale(1, java.math.RoundingMode.DOWN)
            .toPlainString();
    String limit =
        Api.json(
            "apikey",
            key,
            "strategy",
            "Python",
            "symbol",
            "WIPRO",
            "action",
            "BUY",
            "exchange",
            "NSE",
            "pricetype",
            "LIMIT",
            "product",
            "MIS",
            "quantity",
            "2",
            "price",
            low,
            "trigger_price",
            "0",
            "disclosed_quantity",
            "0");
    String first = ok(call(api, "placeorder", limit)).getString("orderid");
    String second = ok(call(api, "placeorder", limit)).getString("orderid");

    // client.modifyorder(order_id=…, …): every field as a string, price_type LIMIT.
    ok(
        call(
            api,
            "modifyorder",
            Api.json(
                "apikey",
                key,
                "orderid",
                first,
                "strategy",
                "Python",
                "symbol",
                "WIPRO",
                "action",
                "BUY",
                "exchange",
                "NSE",
                "pricetype",
                "LIMIT",
                "product",
                "MIS",
                "quantity",
                "5",
                "price",
                lower,
                "disclosed_quantity",
                "0",
                "trigger_price",
                "0")));
    JsonObject changed =
        ok(call(api, "orderstatus", Api.json("apikey", key, "orderid", first)))
            .getJsonObject("data");
    assertEquals("5", changed.getString("quantity"));
    assertEquals(new BigDecimal(lower).doubleValue(), changed.getJsonNumber("price").doubleValue());
    assertEquals("open", changed.getString("order_status"));

    assertEquals(
        first,
        ok(call(
                api,
                "cancelorder",
                Api.json("apikey", key, "orderid", first, "strategy", "Python")))
            .getString("orderid"));
    JsonObject all = ok(call(api, "cancelallorder", Api.json("apikey", key, "strategy", "Python")));
    assertEquals(
        List.of(second),
        all.getJsonArray("canceled_orders").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(jakarta.json.JsonString::getString)
            .toList());
    assertEquals("Canceled 1 orders. Failed to cancel 0 orders.", all.getString("message"));

    ok(call(api, "placeorder", sdkOrder(key, "WIPRO", "SELL", 7)));
    assertEquals(
        "All Open Positions Squared Off",
        ok(call(api, "closeposition", Api.json("apikey", key, "strategy", "Python")))
            .getString("message"));
    assertEquals(
        "0",
        ok(call(
                api,
                "openposition",
                Api.json("apikey", key, "symbol", "WIPRO", "exchange", "NSE", "product", "MIS")))
            .getString("quantity"));
    assertEquals(
        "No open positions to close",
        ok(call(api, "closeposition", Api.json("apikey", key, "strategy", "Python")))
            .getString("message"));
  }

  @Test
  void basketsAndSplitsPlaceEachOrderOnItsOwn(Api api) {
    String key = Trader.register(api).firstKey;
    JsonObject basket =
        ok(
            call(
                api,
                "basketorder",
                "{\"apikey\":\""
                    + key
                    + "\",\"strategy\":\"Python\",\"orders\":["
                    + "{\"symbol\":\"ONGC\",\"exchange\":\"NSE\",\"action\":\"SELL\",\"quantity\":\"1\",\"pricetype\":\"MARKET\",\"product\":\"MIS\"},"
                    + "{\"symbol\":\"BEL\",\"exchange\":\"NSE\",\"action\":\"BUY\",\"quantity\":\"2\",\"pricetype\":\"MARKET\",\"product\":\"MIS\"},"
                    + "{\"symbol\":\"NOSUCH\",\"exchange\":\"NSE\",\"action\":\"BUY\",\"quantity\":\"1\"}]}"));
    JsonArray results = basket.getJsonArray("results");
    assertEquals(
        List.of("BEL:success", "NOSUCH:error", "ONGC:success"),
        results.getValuesAs(JsonObject.class).stream()
            .map(r -> r.getString("symbol") + ":" + r.getString("status"))
            .toList(),
        "buys first, each on its own: " + results);
    assertTrue(
        results.getJsonObject(1).getString("message").contains("unknown instrument"),
        results.toString());

    JsonObject split =
        ok(
            call(
                api,
                "splitorder",
                Api.json(
                    "apikey",
                    key,
                    "strategy",
                    "Python",
                    "symbol",
                    "COALINDIA",
                    "action",
                    "BUY",
                    "exchange",
                    "NSE",
                    "quantity",
                    "105",
                    "splitsize",
                    "20",
                    "pricetype",
                    "MARKET",
                    "product",
                    "MIS")));
    assertEquals(20, split.getInt("split_size"));
    assertEquals(105, split.getInt("total_quantity"));
    assertEquals(
        List.of(20, 20, 20, 20, 20, 5),
        split.getJsonArray("results").getValuesAs(JsonObject.class).stream()
            .map(r -> r.getInt("quantity"))
            .toList());
    assertEquals(6, split.getJsonArray("results").getJsonObject(5).getInt("order_num"));
    error(
        call(
            api,
            "splitorder",
            Api.json(
                "apikey",
                key,
                "strategy",
                "Python",
                "symbol",
                "COALINDIA",
                "action",
                "BUY",
                "exchange",
                "NSE",
                "quantity",
                "1000",
                "splitsize",
                "2")),
        400,
        "Split would create 500 orders; the maximum is 100. Use a larger splitsize.");
  }

  @Test
  void openAlgosErrorCasesAnswerInItsShapeAndPlaceNothing(Api api) {
    Trader trader = Trader.register(api);
    String key = trader.firstKey;
    error(
        call(
            api,
            "placeorder",
            sdkOrder("tb_live_not-a-real-key-at-all-000000000000000", "ITC", "BUY", 1)),
        403,
        "Invalid openalgo apikey");
    error(
        call(
            api,
            "placeorder",
            Api.json(
                "apikey",
                key,
                "strategy",
                "Python",
                "symbol",
                "ITC",
                "action",
                "BUY",
                "exchange",
                "NSE")),
        400,
        "{'quantity': ['Missing data for required field.']}");
    error(
        call(api, "placeorder", sdkOrder(key, "ITC", "BUY", 1).replace("\"MARKET\"", "\"STOP\"")),
        400,
        "{'pricetype': ['Must be one of: MARKET, LIMIT, SL, SL-M.']}");
    error(
        call(
            api,
            "placeorder",
            sdkOrder(key, "ITC", "BUY", 1).replace("\"quantity\":\"1\"", "\"quantity\":\"1.5\"")),
        400,
        "{'quantity': ['Fractional quantity (1.5) is not allowed for non-crypto exchanges.']}");
    error(
        call(
            api,
            "placeorder",
            sdkOrder(key, "ITC", "BUY", 1).replace("\"quantity\":\"1\"", "\"quantity\":\"0\"")),
        400,
        "{'quantity': ['Quantity must be a positive number.']}");
    error(
        call(api, "placeorder", sdkOrder(key, "ITC", "HOLD", 1)),
        400,
        "{'action': ['Must be one of: BUY, SELL, buy, sell.']}");
    error(
        call(
            api, "placeorder", sdkOrder(key, "ITC", "BUY", 1).replace("}", ",\"colour\":\"red\"}")),
        400,
        "{'colour': ['Unknown field.']}");
    Api.Reply exits =
        call(
            api, "placeorder", sdkOrder(key, "ITC", "BUY", 1).replace("}", ",\"stoploss\":\"5\"}"));
    assertEquals(400, exits.status(), exits.toString());
    assertTrue(exits.json().getString("message").contains("bracket order"), exits.toString());
    Api.Reply broken = call(api, "placeorder", "{\"apikey\": ");
    assertEquals(400, broken.status(), broken.toString());
    assertTrue(
        broken.json().getString("message").startsWith("the body is not valid JSON"),
        broken.toString());
    error(
        call(api, "orderstatus", Api.json("apikey", key, "orderid", "no-such-order")),
        404,
        "order not found");
    error(
        call(api, "placeorder", sdkOrder(key, "NOSUCH", "BUY", 1)),
        400,
        "unknown instrument NSE:NOSUCH; GET /api/v1/instruments lists what can be traded");
    Api.Reply inUrl = api.fresh().post(BASE + "ping?apikey=" + key, Api.json("apikey", key));
    assertEquals(
        400,
        inUrl.status(),
        "a key in a query string is refused before anything reads it: " + inUrl);
    assertFalse(inUrl.body().contains(key));
    Api.Reply unknown = call(api, "teleport", Api.json("apikey", key));
    assertEquals(404, unknown.status(), unknown.toString());

    assertEquals(
        0, api.fresh().get("/api/v1/orders", "X-API-Key", key).array().size(), "nothing placed");
  }

  @Test
  void aReadOnlyKeyReadsAndASemiAutomaticKeysOrderWaitsForAPerson(Api api) {
    Trader trader = Trader.register(api).login();
    String readOnly = newKey(trader, List.of("READ"), "AUTO");
    ok(call(api, "funds", Api.json("apikey", readOnly)));
    Api.Reply refused = call(api, "placeorder", sdkOrder(readOnly, "ITC", "BUY", 1));
    assertEquals(403, refused.status(), refused.toString());
    assertEquals("error", refused.json().getString("status"));

    String semi = newKey(trader, List.of("READ", "TRADE"), "SEMI_AUTO");
    JsonObject queued = ok(call(api, "placeorder", sdkOrder(semi, "ITC", "BUY", 1)));
    assertEquals("Order queued for approval in Action Center", queued.getString("message"));
    assertEquals("semi_auto", queued.getString("mode"));
    String actionId = queued.getString("pending_order_id");
    JsonArray pending = trader.browser.get("/api/v1/actions?status=PENDING").array();
    assertEquals(actionId, pending.getJsonObject(0).getString("actionId"));
    error(
        call(api, "cancelallorder", Api.json("apikey", semi, "strategy", "Python")),
        403,
        "Cancel all orders operation is not allowed in Semi-Auto mode. Please switch to Auto mode to cancel orders.");
    error(
        call(api, "closeposition", Api.json("apikey", semi, "strategy", "Python")),
        403,
        "Close position operation is not allowed in Semi-Auto mode. Please switch to Auto mode to close positions.");
  }

  @Test
  void theKeysDefaultAccountChoosesWhereOrdersGoAndTheKeyIsNeverLogged(
      Api api, RunningServer server) throws IOException {
    Trader trader = Trader.register(api).login();
    String keyId = trader.firstKeyId;
    JsonObject listed =
        trader.browser.get("/api/v1/keys").array().getValuesAs(JsonObject.class).stream()
            .filter(k -> k.getString("id").equals(keyId))
            .findFirst()
            .orElseThrow();
    assertEquals("PAPER1", listed.getString("defaultAccount"));
    Api.Reply moved =
        trader.browser.patch("/api/v1/keys/" + keyId, Api.json("defaultAccount", "DESK7"));
    assertEquals(200, moved.status(), moved.toString());
    assertEquals("DESK7", moved.json().getString("defaultAccount"));
    error(
        call(api, "placeorder", sdkOrder(trader.firstKey, "ITC", "BUY", 1)),
        404,
        "pseudo account 'DESK7' not found");

    String logs;
    try (Stream<Path> files = Files.walk(server.serverLogs())) {
      logs =
          files
              .filter(Files::isRegularFile)
              .map(
                  f -> {
                    try {
                      return Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1);
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  })
              .reduce("", String::concat);
    }
    assertFalse(logs.contains(trader.firstKey), "the key travelled in bodies, never into a log");
    // The traffic log is written behind the requests: give it a few seconds.
    String traffic = trader.browser.get("/api/v1/traffic").body();
    for (int i = 0; i < 20 && !traffic.contains("openalgo"); i++) {
      sleep(500);
      traffic = trader.browser.get("/api/v1/traffic").body();
    }
    assertFalse(traffic.contains(trader.firstKey), "nor into the traffic log");
    assertTrue(traffic.contains("openalgo"), "yet the calls are in the traffic log: " + traffic);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String newKey(Trader trader, List<String> permissions, String orderMode) {
    return trader
        .browser
        .post(
            "/api/v1/keys",
            Api.json(
                "label",
                "openalgo " + orderMode,
                "environment",
                "LIVE",
                "permissions",
                permissions,
                "orderMode",
                orderMode,
                "password",
                trader.password))
        .json()
        .getString("key");
  }

  static final Set<String> ENDPOINTS =
      Set.of(
          "placeorder",
          "placesmartorder",
          "basketorder",
          "splitorder",
          "modifyorder",
          "cancelorder",
          "cancelallorder",
          "closeposition",
          "orderstatus",
          "openposition",
          "orderbook",
          "tradebook",
          "positionbook",
          "holdings",
          "funds",
          "quotes",
          "depth",
          "ping");

  @Test
  void everyEndpointOfTheContractAnswers(Api api) {
    for (String endpoint : ENDPOINTS) {
      Api.Reply reply = call(api, endpoint, "{}");
      assertEquals(400, reply.status(), endpoint + ": " + reply);
      assertTrue(
          reply
              .json()
              .getString("message")
              .contains("'apikey': ['Missing data for required field.']"),
          endpoint + ": " + reply);
    }
  }
}
