package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A trading desk's groups: one order for many accounts, each with its multiplier. */
@ExtendWith(SharedServer.class)
class GroupsIT {

  private static JsonObject member(String account, String multiplier) {
    return Json.createObjectBuilder()
        .add("account", account)
        .add("multiplier", new java.math.BigDecimal(multiplier))
        .build();
  }

  private static Trader deskWithThreeAccounts(Api api) {
    Trader trader = Trader.register(api).login();
    for (String account : List.of("ACC2", "ACC3")) {
      Api.Reply made =
          trader.browser.post(
              "/api/v1/trading-accounts",
              Api.json("pseudoAccount", account, "broker", "PAPER", "loginId", "x", "live", true));
      assertEquals(201, made.status(), made.toString());
    }
    Api.Reply group =
        trader.browser.post(
            "/api/v1/groups",
            Api.json(
                "name",
                "DESK",
                "members",
                List.of(member("PAPER1", "1"), member("ACC2", "0.5"), member("ACC3", "0.1"))));
    assertEquals(201, group.status(), group.toString());
    return trader;
  }

  private static String groupOrder(String symbol, String exchange, int quantity, String clientId) {
    return Api.json(
        "group",
        "DESK",
        "exchange",
        exchange,
        "symbol",
        symbol,
        "side",
        "BUY",
        "quantity",
        quantity,
        "orderType",
        "MARKET",
        "productType",
        "INTRADAY",
        "clientOrderId",
        clientId);
  }

  private static List<String> summary(JsonArray orders) {
    return orders.getValuesAs(JsonObject.class).stream()
        .map(o -> o.getString("account") + " " + o.getInt("quantity") + " " + o.getInt("status"))
        .toList();
  }

  @Test
  void aGroupOrderPlacesOnePerMemberWithItsMultiplierRoundedDownToLotsOnceEvenIfResent(Api api) {
    Trader trader = deskWithThreeAccounts(api);
    Api.Reply placed =
        api.fresh()
            .post(
                "/api/v1/orders",
                groupOrder("ITC", "NSE", 5, "desk-1"),
                "X-API-Key",
                trader.firstKey);
    assertEquals(201, placed.status(), placed.toString());
    JsonArray orders = placed.json().getJsonArray("orders");
    assertEquals(List.of("PAPER1 5 201", "ACC2 2 201", "ACC3 0 422"), summary(orders));
    assertTrue(
        orders
            .getJsonObject(2)
            .getJsonObject("problem")
            .getString("detail")
            .contains("less than one lot"),
        orders.toString());
    for (String account : List.of("PAPER1", "ACC2")) {
      JsonArray book =
          api.fresh()
              .get("/api/v1/orders?account=" + account, "X-API-Key", trader.firstKey)
              .array();
      assertEquals(1, book.size(), account + ": " + book);
      assertEquals("COMPLETE", book.getJsonObject(0).getString("status"));
    }

    Api.Reply again =
        api.fresh()
            .post(
                "/api/v1/orders",
                groupOrder("ITC", "NSE", 5, "desk-1"),
                "X-API-Key",
                trader.firstKey);
    assertEquals(placed.json().getString("groupOrderId"), again.json().getString("groupOrderId"));
    assertEquals(
        orders.getJsonObject(0).getString("orderId"),
        again.json().getJsonArray("orders").getJsonObject(0).getString("orderId"),
        "the resent group order answers with the first orders");
    assertEquals(
        2,
        api.fresh().get("/api/v1/orders", "X-API-Key", trader.firstKey).array().size(),
        "placed once");

    // A batch row may name a group too: it answers as the group order does, beside a plain row.
    Api.Reply batch =
        api.fresh()
            .post(
                "/api/v1/orders/batch",
                "{\"orders\":["
                    + groupOrder("ONGC", "NSE", 4, "desk-batch")
                    + ","
                    + Api.json(
                        "account",
                        "ACC3",
                        "exchange",
                        "NSE",
                        "symbol",
                        "ONGC",
                        "side",
                        "BUY",
                        "quantity",
                        1,
                        "orderType",
                        "MARKET",
                        "productType",
                        "INTRADAY")
                    + "]}",
                "X-API-Key",
                trader.firstKey);
    assertEquals(200, batch.status(), batch.toString());
    JsonObject groupRow = batch.json().getJsonArray("results").getJsonObject(0);
    assertEquals(201, groupRow.getInt("status"), groupRow.toString());
    assertEquals(
        List.of("PAPER1 4 201", "ACC2 2 201", "ACC3 0 422"),
        summary(groupRow.getJsonArray("orders")));
    assertEquals(201, batch.json().getJsonArray("results").getJsonObject(1).getInt("status"));

    // A future trades in lots of 75: 150 × 0.5 is one lot, 150 × 0.1 = 15 is none.
    Api.Reply future =
        api.fresh()
            .post(
                "/api/v1/orders",
                groupOrder(
                        PaperContracts.nearest(api, trader.firstKey, "NIFTY"), "NFO", 150, "desk-2")
                    .replace("INTRADAY", "NORMAL"),
                "X-API-Key",
                trader.firstKey);
    assertEquals(
        List.of("PAPER1 150 201", "ACC2 75 201", "ACC3 0 422"),
        summary(future.json().getJsonArray("orders")),
        future.toString());
  }

  @Test
  void aGroupIsSquaredOffWholeAndCanBeChangedAndRemoved(Api api) {
    Trader trader = deskWithThreeAccounts(api);
    api.fresh()
        .post(
            "/api/v1/orders",
            groupOrder("NTPC", "NSE", 20, "desk-3"),
            "X-API-Key",
            trader.firstKey);
    Api.Reply squared =
        api.fresh()
            .post(
                "/api/v1/portfolio/square-off",
                Api.json("group", "DESK", "category", "NET"),
                "X-API-Key",
                trader.firstKey);
    assertEquals(200, squared.status(), squared.toString());
    assertEquals(3, squared.json().getJsonArray("orders").size(), "PAPER1 20, ACC2 10, ACC3 2");
    JsonArray open = api.fresh().get("/api/v1/positions", "X-API-Key", trader.firstKey).array();
    assertTrue(
        open.getValuesAs(JsonObject.class).stream().allMatch(p -> p.getInt("netQuantity") == 0),
        open.toString());

    JsonObject listed = trader.browser.get("/api/v1/groups").array().getJsonObject(0);
    assertEquals("DESK", listed.getString("name"));
    assertEquals(3, listed.getJsonArray("members").size());
    String id = listed.getString("id");
    Api.Reply renamed =
        trader.browser.put(
            "/api/v1/groups/" + id,
            Api.json("name", "DESK2", "members", List.of(member("ACC2", "2"))));
    assertEquals(200, renamed.status(), renamed.toString());
    assertEquals("DESK2", renamed.json().getString("name"));
    assertEquals(204, trader.browser.delete("/api/v1/groups/" + id).status());
    Api.Reply gone =
        api.fresh()
            .post(
                "/api/v1/orders",
                groupOrder("NTPC", "NSE", 1, "desk-4").replace("DESK", "DESK2"),
                "X-API-Key",
                trader.firstKey);
    assertEquals(404, gone.status(), gone.toString());
  }

  @Test
  void whatCannotBeAGroupIsRefusedWithItsReason(Api api) {
    Trader trader = deskWithThreeAccounts(api);
    Api.Reply unknownMember =
        trader.browser.post(
            "/api/v1/groups", Api.json("name", "X", "members", List.of(member("NOPE", "1"))));
    assertEquals(400, unknownMember.status(), unknownMember.toString());
    assertTrue(unknownMember.body().contains("members[0].account"), unknownMember.toString());
    Api.Reply zero =
        trader.browser.post(
            "/api/v1/groups", Api.json("name", "X", "members", List.of(member("ACC2", "0"))));
    assertEquals(400, zero.status(), zero.toString());
    assertTrue(zero.body().contains("members[0].multiplier"), zero.toString());
    Api.Reply twice =
        trader.browser.post(
            "/api/v1/groups", Api.json("name", "desk", "members", List.of(member("ACC2", "1"))));
    assertEquals(409, twice.status(), "names are unique whatever the case: " + twice);
    Api.Reply likeAnAccount =
        trader.browser.post(
            "/api/v1/groups", Api.json("name", "acc3", "members", List.of(member("ACC2", "1"))));
    assertEquals(409, likeAnAccount.status(), likeAnAccount.toString());

    String both =
        Api.json(
            "account",
            "PAPER1",
            "group",
            "DESK",
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
            "INTRADAY");
    Api.Reply ambiguous = api.fresh().post("/api/v1/orders", both, "X-API-Key", trader.firstKey);
    assertEquals(400, ambiguous.status(), ambiguous.toString());
    Trader other = Trader.register(api).login();
    String id = trader.browser.get("/api/v1/groups").array().getJsonObject(0).getString("id");
    assertEquals(
        404, other.browser.delete("/api/v1/groups/" + id).status(), "another's group is not found");
    assertEquals(0, api.fresh().get("/api/v1/orders", "X-API-Key", trader.firstKey).array().size());
  }

  @Test
  void aWorkbookRowWhoseAccountCellNamesAGroupPlacesOnEveryMemberOnceAndSaysHowEachWent(Api api)
      throws Exception {
    Trader trader = deskWithThreeAccounts(api);
    java.nio.file.Path file =
        java.nio.file.Files.createTempDirectory(RunningServer.newHome("excel"), "wb")
            .resolve("desk.xlsx");
    List<Object> row = OrderSheets.order("NTPC", "BUY", 6, "MARKET", null);
    row.set(0, "desk");
    OrderSheets.write(file, List.of(row, OrderSheets.order("NTPC", "BUY", 1, "MARKET", null)));
    ExcelBridge bridge = new ExcelBridge(api.base(), trader.firstKey);

    ExcelBridge.Run run = bridge.run("submit", file.toString());
    assertEquals(0, run.exitCode(), run.toString());
    assertEquals("SUBMITTED", OrderSheets.cell(file, 2, "Status"));
    String groupOrderId = OrderSheets.cell(file, 2, "OrderId");
    assertEquals(
        "PAPER1 6 placed; ACC2 3 placed; ACC3 not placed: skipped: 6 × 0.1 is less than one lot;"
            + " nothing placed for this member",
        OrderSheets.cell(file, 2, "Message"));
    List<JsonObject> book =
        api.fresh()
            .get("/api/v1/orders", "X-API-Key", trader.firstKey)
            .array()
            .getValuesAs(JsonObject.class);
    assertEquals(3, book.size(), "two members and the plain row: " + book);
    assertEquals(
        2,
        book.stream().filter(o -> groupOrderId.equals(o.getString("groupOrderId", null))).count());
    assertEquals(
        "DESK",
        book.stream()
            .filter(o -> groupOrderId.equals(o.getString("groupOrderId", null)))
            .findFirst()
            .orElseThrow()
            .getString("group"));

    ExcelBridge.Run again = bridge.run("submit", file.toString());
    assertTrue(again.out().contains("0 sent"), again.toString());
    assertEquals(3, api.fresh().get("/api/v1/orders", "X-API-Key", trader.firstKey).array().size());

    ExcelBridge.Run status = bridge.run("status", file.toString());
    assertEquals(0, status.exitCode(), status.toString());
    assertEquals("COMPLETE", OrderSheets.cell(file, 2, "Status"));
    assertEquals("9", OrderSheets.cell(file, 2, "FilledQuantity"), "6 + 3 across the members");
    assertEquals("ACC2 COMPLETE; PAPER1 COMPLETE", OrderSheets.cell(file, 2, "Message"));
  }

  @Test
  void cancelAllByGroupCancelsEveryMembersWorkingOrdersAndNoOneElses(Api api) {
    Trader trader = deskWithThreeAccounts(api);
    assertEquals(
        201,
        trader
            .browser
            .post(
                "/api/v1/trading-accounts",
                Api.json("pseudoAccount", "ACC4", "broker", "PAPER", "loginId", "x", "live", true))
            .status());
    java.math.BigDecimal under =
        api.fresh()
            .get("/api/v1/quotes?exchange=NSE&symbol=ITC", "X-API-Key", trader.firstKey)
            .json()
            .getJsonNumber("lastPrice")
            .bigDecimalValue()
            .multiply(new java.math.BigDecimal("0.9"))
            .setScale(0, java.math.RoundingMode.DOWN);
    String resting =
        groupOrder("ITC", "NSE", 10, "desk-rest")
            .replace("\"MARKET\"", "\"LIMIT\",\"price\":" + under);
    assertEquals(
        201, api.fresh().post("/api/v1/orders", resting, "X-API-Key", trader.firstKey).status());
    String outside =
        resting
            .replace("\"group\":\"DESK\"", "\"account\":\"ACC4\"")
            .replace("desk-rest", "acc4-rest");
    Api.Reply alone = api.fresh().post("/api/v1/orders", outside, "X-API-Key", trader.firstKey);
    assertEquals(201, alone.status(), alone.toString());

    Api.Reply cancelled =
        api.fresh().delete("/api/v1/orders?group=desk", "X-API-Key", trader.firstKey);
    assertEquals(200, cancelled.status(), cancelled.toString());
    assertEquals(3, cancelled.json().getJsonArray("cancelled").size(), cancelled.toString());
    assertEquals(
        "OPEN",
        api.fresh()
            .get(
                "/api/v1/orders/" + alone.json().getString("orderId"), "X-API-Key", trader.firstKey)
            .json()
            .getString("status"),
        "ACC4 is not in the group");
    assertEquals(
        404,
        api.fresh().delete("/api/v1/orders?group=NOPE", "X-API-Key", trader.firstKey).status());
    assertEquals(
        400,
        api.fresh()
            .delete("/api/v1/orders?group=DESK&account=ACC4", "X-API-Key", trader.firstKey)
            .status());
  }
}
