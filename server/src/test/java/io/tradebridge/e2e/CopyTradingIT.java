package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Copy trading: a master account's orders placed, changed and cancelled on its children with their
 * multipliers, off the master's request path, each copy in the rule's log.
 */
@ExtendWith(SharedServer.class)
class CopyTradingIT {

  private static final Duration COPIES_WITHIN = Duration.ofSeconds(10);

  private static JsonObject child(String account, String multiplier) {
    return Json.createObjectBuilder()
        .add("account", account)
        .add("multiplier", new BigDecimal(multiplier))
        .build();
  }

  private static void account(Trader trader, String name, Object... extra) {
    List<Object> fields =
        new ArrayList<>(
            List.of("pseudoAccount", name, "broker", "PAPER", "loginId", "x", "live", true));
    fields.addAll(List.of(extra));
    Api.Reply made = trader.browser.post("/api/v1/trading-accounts", Api.json(fields.toArray()));
    assertEquals(201, made.status(), made.toString());
  }

  /** A master (PAPER1) copied to KID1 × 1, KID2 × 2 and KID3 × 0.5. */
  private static String deskWithARule(Trader trader) {
    for (String kid : List.of("KID1", "KID2", "KID3")) {
      account(trader, kid);
    }
    Api.Reply rule =
        trader.browser.post(
            "/api/v1/copy-rules",
            Api.json(
                "master",
                "PAPER1",
                "children",
                List.of(child("KID1", "1"), child("KID2", "2"), child("KID3", "0.5"))));
    assertEquals(201, rule.status(), rule.toString());
    assertTrue(rule.json().getBoolean("copyPlace"), "switches default to on: " + rule);
    return rule.json().getString("id");
  }

  private static BigDecimal below(Api api, Trader trader, String symbol) {
    BigDecimal last =
        api.fresh()
            .get("/api/v1/quotes?exchange=NSE&symbol=" + symbol, "X-API-Key", trader.firstKey)
            .json()
            .getJsonNumber("lastPrice")
            .bigDecimalValue();
    return last.multiply(new BigDecimal("0.9")).setScale(0, RoundingMode.DOWN);
  }

  private static String limitBuy(String symbol, int quantity, BigDecimal price) {
    return Api.json(
        "account",
        "PAPER1",
        "exchange",
        "NSE",
        "symbol",
        symbol,
        "side",
        "BUY",
        "quantity",
        quantity,
        "orderType",
        "LIMIT",
        "productType",
        "INTRADAY",
        "price",
        price);
  }

  /**
   * The orders of {@code account} copied from {@code masterId}, once {@code ready} holds for all.
   */
  private static List<JsonObject> copies(
      Api api,
      Trader trader,
      String account,
      String masterId,
      int expected,
      Predicate<JsonObject> ready)
      throws InterruptedException {
    long until = System.nanoTime() + COPIES_WITHIN.toNanos();
    List<JsonObject> mine = List.of();
    while (System.nanoTime() < until) {
      JsonArray book =
          api.fresh()
              .get("/api/v1/orders?account=" + account, "X-API-Key", trader.firstKey)
              .array();
      mine =
          book.getValuesAs(JsonObject.class).stream()
              .filter(o -> masterId.equals(o.getString("copiedFrom", null)))
              .toList();
      if (mine.size() == expected && mine.stream().allMatch(ready)) {
        return mine;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        account + " has no " + expected + " ready copies of " + masterId + ": " + mine);
  }

  private static List<String> logLines(Trader trader, String ruleId) {
    return trader
        .browser
        .get("/api/v1/copy-rules/" + ruleId + "/log")
        .array()
        .getValuesAs(JsonObject.class)
        .stream()
        .map(l -> l.getString("action") + " " + l.getString("child") + " " + l.getString("outcome"))
        .sorted()
        .toList();
  }

  @Test
  void aMasterOrderIsPlacedChangedAndCancelledOnEveryChildWithItsMultiplier(Api api)
      throws Exception {
    Trader trader = Trader.register(api).login();
    String ruleId = deskWithARule(trader);
    BigDecimal price = below(api, trader, "SBIN");

    Api.Reply placed =
        api.fresh()
            .post("/api/v1/orders", limitBuy("SBIN", 11, price), "X-API-Key", trader.firstKey);
    assertEquals(201, placed.status(), placed.toString());
    String masterId = placed.json().getString("orderId");
    assertEquals(JsonObject.NULL, placed.json().get("copiedFrom"), "the master is no copy");

    JsonObject kid1 = copies(api, trader, "KID1", masterId, 1, o -> true).get(0);
    assertEquals(11, kid1.getInt("quantity"));
    assertEquals("OPEN", kid1.getString("status"));
    assertEquals(0, price.compareTo(kid1.getJsonNumber("price").bigDecimalValue()));
    assertEquals(22, copies(api, trader, "KID2", masterId, 1, o -> true).get(0).getInt("quantity"));
    assertEquals(
        5,
        copies(api, trader, "KID3", masterId, 1, o -> true).get(0).getInt("quantity"),
        "11 × 0.5 rounds down to 5");

    // The master changed: its copies follow, price and scaled size.
    BigDecimal higher = price.add(BigDecimal.ONE);
    Api.Reply changed =
        api.fresh()
            .patch(
                "/api/v1/orders/" + masterId,
                Api.json("quantity", 12, "price", higher),
                "X-API-Key",
                trader.firstKey);
    assertEquals(200, changed.status(), changed.toString());
    JsonObject kid2 =
        copies(api, trader, "KID2", masterId, 1, o -> o.getInt("quantity") == 24).get(0);
    assertEquals(0, higher.compareTo(kid2.getJsonNumber("price").bigDecimalValue()));
    copies(api, trader, "KID3", masterId, 1, o -> o.getInt("quantity") == 6);

    // The master cancelled: so are its copies.
    assertEquals(
        200,
        api.fresh().delete("/api/v1/orders/" + masterId, "X-API-Key", trader.firstKey).status());
    for (String kid : List.of("KID1", "KID2", "KID3")) {
      JsonObject cancelled =
          copies(api, trader, kid, masterId, 1, o -> o.getString("status").equals("CANCELLED"))
              .get(0);
      assertTrue(cancelled.getString("statusMessage").contains(masterId), cancelled.toString());
    }
    assertEquals(
        List.of(
            "CANCEL KID1 COPIED",
            "CANCEL KID2 COPIED",
            "CANCEL KID3 COPIED",
            "MODIFY KID1 COPIED",
            "MODIFY KID2 COPIED",
            "MODIFY KID3 COPIED",
            "PLACE KID1 COPIED",
            "PLACE KID2 COPIED",
            "PLACE KID3 COPIED"),
        logLines(trader, ruleId),
        "each copy in the rule's log");
  }

  @Test
  void anOrderFromTheWebTicketIsCopiedAndAFailingChildNeverHoldsUpTheMasterOrTheOthers(Api api)
      throws Exception {
    Trader trader = Trader.register(api).login();
    account(trader, "KID1");
    // KID2 may trade at most 5 a order: its copy of 10 × 2 is refused, every time.
    account(trader, "KID2", "maxOrderQuantity", 5);
    Api.Reply rule =
        trader.browser.post(
            "/api/v1/copy-rules",
            Api.json(
                "master", "PAPER1", "children", List.of(child("KID1", "1"), child("KID2", "2"))));
    assertEquals(201, rule.status(), rule.toString());
    String ruleId = rule.json().getString("id");

    List<String> masters = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      // The web UI's ticket: a person's session, as at a broker's own terminal.
      Api.Reply placed =
          trader.browser.post(
              "/api/v1/orders",
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
                  10,
                  "orderType",
                  "MARKET",
                  "productType",
                  "INTRADAY"));
      assertEquals(201, placed.status(), placed.toString());
      assertEquals("COMPLETE", placed.json().getString("status"));
      masters.add(placed.json().getString("orderId"));
    }
    for (String masterId : masters) {
      JsonObject copy =
          copies(api, trader, "KID1", masterId, 1, o -> o.getString("status").equals("COMPLETE"))
              .get(0);
      assertEquals(10, copy.getInt("quantity"));
    }
    long until = System.nanoTime() + COPIES_WITHIN.toNanos();
    List<JsonObject> failed = List.of();
    while (System.nanoTime() < until && failed.size() < 3) {
      failed =
          trader
              .browser
              .get("/api/v1/copy-rules/" + ruleId + "/log")
              .array()
              .getValuesAs(JsonObject.class)
              .stream()
              .filter(l -> l.getString("outcome").equals("FAILED"))
              .toList();
      Thread.sleep(100);
    }
    assertEquals(3, failed.size(), failed.toString());
    assertEquals("KID2", failed.get(0).getString("child"));
    assertTrue(failed.get(0).getString("message").contains("quantity"), failed.get(0).toString());
    JsonArray events = trader.browser.get("/api/v1/security/events").array();
    assertTrue(
        events.getValuesAs(JsonObject.class).stream()
            .anyMatch(
                e ->
                    e.getString("type").equals("COPY_FAILING")
                        && e.getString("detail").contains("to KID2 failed 3 times in a row")),
        events.toString());
  }

  @Test
  void aCopyAboveTheExchangesFreezeQuantityIsPlacedAsSeveralOrders(Api api) throws Exception {
    Trader trader = Trader.register(api).login();
    // Futures orders are worth crores: both accounts may place orders of up to ₹10 crore.
    account(trader, "FUTM", "maxOrderValue", 100_000_000);
    account(trader, "FUTK", "maxOrderValue", 100_000_000);
    Api.Reply rule =
        trader.browser.post(
            "/api/v1/copy-rules",
            Api.json("master", "FUTM", "children", List.of(child("FUTK", "1.2"))));
    assertEquals(201, rule.status(), rule.toString());
    String ruleId = rule.json().getString("id");
    // BANKNIFTY futures (this month's): lot 35, freeze 900. 875 (25 lots) × 1.2 = 1,050 (30 lots):
    // 875 + 175.
    Api.Reply placed =
        api.fresh()
            .post(
                "/api/v1/orders",
                Api.json(
                    "account",
                    "FUTM",
                    "exchange",
                    "NFO",
                    "symbol",
                    PaperContracts.nearest(api, trader.firstKey, "BANKNIFTY"),
                    "side",
                    "BUY",
                    "quantity",
                    875,
                    "orderType",
                    "MARKET",
                    "productType",
                    "NORMAL"),
                "X-API-Key",
                trader.firstKey);
    assertEquals(201, placed.status(), placed.toString());
    String masterId = placed.json().getString("orderId");
    List<Integer> pieces =
        copies(api, trader, "FUTK", masterId, 2, o -> o.getString("status").equals("COMPLETE"))
            .stream()
            .map(o -> o.getInt("quantity"))
            .sorted()
            .toList();
    assertEquals(List.of(175, 875), pieces);
    JsonObject line =
        trader.browser.get("/api/v1/copy-rules/" + ruleId + "/log").array().getJsonObject(0);
    assertEquals("COPIED", line.getString("outcome"));
    assertEquals("placed 2 orders [875, 175]", line.getString("message"));
    assertEquals(2, line.getJsonArray("childOrderIds").size());
  }

  @Test
  void badRulesAreRefusedNamingTheField(Api api) {
    Trader trader = Trader.register(api).login();
    for (String kid : List.of("KID1", "KID2")) {
      account(trader, kid);
    }
    Object[][] bad = {
      {"children[0].multiplier", List.of(child("KID1", "0"))},
      {"children[0].account", List.of(child("NOBODY", "1"))},
      {"children[0].account", List.of(child("PAPER1", "1"))},
      {"children[1].account", List.of(child("KID1", "1"), child("kid1", "2"))},
      {"children", List.of()},
    };
    for (Object[] b : bad) {
      Api.Reply refused =
          trader.browser.post("/api/v1/copy-rules", Api.json("master", "PAPER1", "children", b[1]));
      assertEquals(400, refused.status(), refused.toString());
      assertTrue(refused.body().contains("\"" + b[0] + "\""), b[0] + ": " + refused);
    }
    Api.Reply badTime =
        trader.browser.post(
            "/api/v1/copy-rules",
            Api.json(
                "master", "PAPER1", "children", List.of(child("KID1", "1")), "activeFrom", "9am"));
    assertEquals(400, badTime.status(), badTime.toString());
    assertTrue(badTime.body().contains("HH:mm"), badTime.toString());

    assertEquals(
        201,
        trader
            .browser
            .post(
                "/api/v1/copy-rules",
                Api.json("master", "PAPER1", "children", List.of(child("KID1", "1"))))
            .status());
    assertEquals(
        201,
        trader
            .browser
            .post(
                "/api/v1/copy-rules",
                Api.json("master", "KID1", "children", List.of(child("KID2", "1"))))
            .status(),
        "a chain is no loop");
    Api.Reply loop =
        trader.browser.post(
            "/api/v1/copy-rules",
            Api.json("master", "KID2", "children", List.of(child("PAPER1", "1"))));
    assertEquals(400, loop.status(), loop.toString());
    assertTrue(loop.body().contains("leads back to 'KID2'"), loop.toString());
    Api.Reply second =
        trader.browser.post(
            "/api/v1/copy-rules",
            Api.json("master", "PAPER1", "children", List.of(child("KID2", "1"))));
    assertEquals(409, second.status(), second.toString());

    // Another user sees none of it, and a program's key cannot set rules up.
    Trader other = Trader.register(api).login();
    assertEquals(0, other.browser.get("/api/v1/copy-rules").array().size());
    String someRule =
        trader.browser.get("/api/v1/copy-rules").array().getJsonObject(0).getString("id");
    assertEquals(404, other.browser.get("/api/v1/copy-rules/" + someRule + "/log").status());
    assertEquals(404, other.browser.delete("/api/v1/copy-rules/" + someRule).status());
    int byKey = api.fresh().get("/api/v1/copy-rules", "X-API-Key", trader.firstKey).status();
    assertTrue(byKey == 401 || byKey == 403, "a key: " + byKey);
  }
}
