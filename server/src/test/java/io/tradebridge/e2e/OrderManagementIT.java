package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class OrderManagementIT {

  private static String order(String symbol, String side, int quantity, String clientOrderId) {
    return Api.json(
        "account",
        "PAPER1",
        "exchange",
        "NSE",
        "symbol",
        symbol,
        "side",
        side,
        "quantity",
        quantity,
        "orderType",
        "MARKET",
        "productType",
        "INTRADAY",
        "clientOrderId",
        clientOrderId);
  }

  @Test
  void aBatchPlacesEachRowOnItsOwnAndAResentBatchPlacesNothingNew(Api api) {
    Trader trader = Trader.register(api);
    String batch =
        "{\"orders\":["
            + order("SBIN", "BUY", 5, "b-1")
            + ","
            + "{\"account\":\"PAPER1\",\"exchange\":\"NSE\",\"symbol\":\"SBIN\",\"side\":\"BUY\",\"quantity\":2.5,"
            + "\"orderType\":\"MARKET\",\"productType\":\"INTRADAY\"},"
            + order("NOSUCH", "BUY", 1, "b-3")
            + ","
            + order("ITC", "BUY", 7, "b-4")
            + "]}";
    Api.Reply first = api.fresh().post("/api/v1/orders/batch", batch, "X-API-Key", trader.firstKey);
    assertEquals(200, first.status(), first.toString());
    JsonArray rows = first.json().getJsonArray("results");
    assertEquals(
        List.of(201, 400, 422, 201),
        rows.stream().map(r -> r.asJsonObject().getInt("status")).toList());
    assertEquals(
        "quantity",
        rows.getJsonObject(1)
            .getJsonObject("problem")
            .getJsonArray("errors")
            .getJsonObject(0)
            .getString("field"));

    Api.Reply again = api.fresh().post("/api/v1/orders/batch", batch, "X-API-Key", trader.firstKey);
    assertEquals(
        rows.getJsonObject(0).getString("orderId"),
        again.json().getJsonArray("results").getJsonObject(0).getString("orderId"));
    assertEquals(
        2,
        api.fresh().get("/api/v1/orders", "X-API-Key", trader.firstKey).array().size(),
        "nothing placed twice");

    Api.Reply tooMany =
        api.fresh().post("/api/v1/orders/batch", "{\"orders\":[]}", "X-API-Key", trader.firstKey);
    assertEquals(400, tooMany.status());
  }

  /**
   * The rows of a batch are committed together, but each is checked against the account as the rows
   * before it left it: two orders of 40 lakh (one filled, one resting) use up most of the 1 crore,
   * the third is refused for funds while the rows after it still go through, and a client order id
   * used twice in the batch is answered like a resend (same body) or a conflict (another body).
   */
  @Test
  void aBatchSpendsBuyingPowerRowByRowAndAnswersARepeatedClientOrderIdWithinIt(Api api) {
    Trader trader = Trader.register(api);
    JsonObject quote =
        api.fresh()
            .get("/api/v1/quotes?exchange=NSE&symbol=SBIN", "X-API-Key", trader.firstKey)
            .json();
    BigDecimal ask = quote.getJsonNumber("ask").bigDecimalValue();
    BigDecimal low =
        quote
            .getJsonNumber("lastPrice")
            .bigDecimalValue()
            .multiply(new BigDecimal("0.95"))
            .setScale(1, java.math.RoundingMode.DOWN);
    BigDecimal fortyLakh = new BigDecimal("4000000");
    int marketQuantity = fortyLakh.divide(ask, 0, java.math.RoundingMode.DOWN).intValue();
    int limitQuantity = fortyLakh.divide(low, 0, java.math.RoundingMode.DOWN).intValue();
    String resting =
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
            limitQuantity,
            "orderType",
            "LIMIT",
            "price",
            low,
            "productType",
            "DELIVERY",
            "clientOrderId",
            "fund-2");
    String refusedBuy =
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
            limitQuantity,
            "orderType",
            "LIMIT",
            "price",
            low,
            "productType",
            "DELIVERY",
            "clientOrderId",
            "fund-3");
    String batch =
        "{\"orders\":["
            + Api.json(
                "account",
                "PAPER1",
                "exchange",
                "NSE",
                "symbol",
                "SBIN",
                "side",
                "BUY",
                "quantity",
                marketQuantity,
                "orderType",
                "MARKET",
                "productType",
                "DELIVERY",
                "clientOrderId",
                "fund-1")
            + ","
            + resting
            + ","
            + refusedBuy
            + ","
            + Api.json(
                "account",
                "PAPER1",
                "exchange",
                "NSE",
                "symbol",
                "SBIN",
                "side",
                "SELL",
                "quantity",
                1,
                "orderType",
                "MARKET",
                "productType",
                "DELIVERY",
                "clientOrderId",
                "fund-4")
            + ","
            + resting
            + ","
            + resting
                .replace("\"LIMIT\"", "\"MARKET\"")
                .replace(",\"price\":" + low.toPlainString(), "")
            + "]}";

    Api.Reply reply = api.fresh().post("/api/v1/orders/batch", batch, "X-API-Key", trader.firstKey);
    assertEquals(200, reply.status(), reply.toString());
    JsonArray rows = reply.json().getJsonArray("results");
    assertEquals(
        List.of(201, 201, 422, 201, 201, 409),
        rows.stream().map(r -> r.asJsonObject().getInt("status")).toList(),
        rows.toString());
    assertTrue(
        rows.getJsonObject(2)
            .getJsonObject("problem")
            .getString("detail")
            .contains("insufficient funds"),
        rows.getJsonObject(2).toString());
    assertEquals(
        rows.getJsonObject(1).getString("orderId"),
        rows.getJsonObject(4).getString("orderId"),
        "the repeated client order id answers with the first order");
    JsonArray book = api.fresh().get("/api/v1/orders", "X-API-Key", trader.firstKey).array();
    assertEquals(
        List.of("COMPLETE", "OPEN", "REJECTED"),
        book.stream()
            .map(JsonObject.class::cast)
            .filter(o -> !o.getString("clientOrderId").equals("fund-1"))
            .map(o -> o.getString("status"))
            .sorted()
            .toList(),
        "the resting 40 lakh buy, the refused one standing in the book, the closing sell: " + book);
    JsonObject refusedInBook =
        book.stream()
            .map(JsonObject.class::cast)
            .filter(o -> o.getString("status").equals("REJECTED"))
            .findFirst()
            .orElseThrow();
    assertEquals("fund-3", refusedInBook.getString("clientOrderId"));
    assertEquals(
        rows.getJsonObject(2).getJsonObject("problem").getString("detail"),
        refusedInBook.getString("statusMessage"),
        "the book says why, in the words of the answer");
    Api.Reply again =
        api.fresh()
            .post(
                "/api/v1/orders/batch",
                "{\"orders\":[" + refusedBuy + "]}",
                "X-API-Key",
                trader.firstKey);
    assertEquals(
        List.of(422),
        again.json().getJsonArray("results").stream()
            .map(r -> r.asJsonObject().getInt("status"))
            .toList(),
        "the same client order id answers as the first time: " + again);
    assertEquals(
        4,
        api.fresh().get("/api/v1/orders", "X-API-Key", trader.firstKey).array().size(),
        "and nothing is added to the book");
    JsonObject margins =
        api.fresh().get("/api/v1/margins?account=PAPER1", "X-API-Key", trader.firstKey).json();
    assertTrue(
        margins.getJsonNumber("availableCash").bigDecimalValue().compareTo(fortyLakh) < 0,
        margins.toString());
    assertTrue(
        margins.getJsonNumber("availableCash").bigDecimalValue().signum() >= 0, margins.toString());
  }

  @Test
  void marginACancelFreesOrAModifyTakesCountsForTheVeryNextOrder(Api api) {
    Trader trader = Trader.register(api);
    BigDecimal low =
        api.fresh()
            .get("/api/v1/quotes?exchange=NSE&symbol=SBIN", "X-API-Key", trader.firstKey)
            .json()
            .getJsonNumber("lastPrice")
            .bigDecimalValue()
            .multiply(new BigDecimal("0.95"))
            .setScale(1, java.math.RoundingMode.DOWN);
    int lakhs45 = new BigDecimal("4500000").divide(low, 0, java.math.RoundingMode.DOWN).intValue();
    java.util.function.IntFunction<Api.Reply> buy =
        quantity ->
            api.fresh()
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
                        quantity,
                        "orderType",
                        "LIMIT",
                        "price",
                        low,
                        "productType",
                        "DELIVERY"),
                    "X-API-Key",
                    trader.firstKey);

    String first = buy.apply(lakhs45).json().getString("orderId");
    String second = buy.apply(lakhs45).json().getString("orderId");
    Api.Reply third = buy.apply(lakhs45);
    assertEquals(422, third.status(), "90 of 100 lakh are blocked: " + third);

    assertEquals(
        200, api.fresh().delete("/api/v1/orders/" + first, "X-API-Key", trader.firstKey).status());
    Api.Reply afterCancel = buy.apply(lakhs45);
    assertEquals(201, afterCancel.status(), "the cancel freed 45 lakh: " + afterCancel);

    int lakhs49 = new BigDecimal("4900000").divide(low, 0, java.math.RoundingMode.DOWN).intValue();
    Api.Reply grown =
        api.fresh()
            .patch(
                "/api/v1/orders/" + second,
                Api.json("quantity", lakhs49),
                "X-API-Key",
                trader.firstKey);
    assertEquals(200, grown.status(), grown.toString());
    Api.Reply afterModify =
        buy.apply(new BigDecimal("800000").divide(low, 0, java.math.RoundingMode.DOWN).intValue());
    assertEquals(
        422,
        afterModify.status(),
        "the modify took 4 of the 10 lakh left, so 8 lakh no longer fit: " + afterModify);
    assertTrue(
        afterModify.json().getString("detail").contains("insufficient funds"),
        afterModify.toString());
  }

  @Test
  void cancelAllCancelsEveryWorkingOrderOfTheAccount(Api api) {
    Trader trader = Trader.register(api);
    BigDecimal last =
        api.fresh()
            .get("/api/v1/quotes?exchange=NSE&symbol=WIPRO", "X-API-Key", trader.firstKey)
            .json()
            .getJsonNumber("lastPrice")
            .bigDecimalValue();
    BigDecimal low = last.multiply(new BigDecimal("0.9")).setScale(1, java.math.RoundingMode.DOWN);
    for (int i = 0; i < 3; i++) {
      assertEquals(
          201,
          api.fresh()
              .post(
                  "/api/v1/orders",
                  Api.json(
                      "account",
                      "PAPER1",
                      "exchange",
                      "NSE",
                      "symbol",
                      "WIPRO",
                      "side",
                      "BUY",
                      "quantity",
                      1,
                      "orderType",
                      "LIMIT",
                      "price",
                      low,
                      "productType",
                      "INTRADAY"),
                  "X-API-Key",
                  trader.firstKey)
              .status());
    }
    Api.Reply cancelled =
        api.fresh().delete("/api/v1/orders?account=PAPER1", "X-API-Key", trader.firstKey);
    assertEquals(200, cancelled.status(), cancelled.toString());
    assertEquals(3, cancelled.json().getJsonArray("cancelled").size());
    assertEquals(
        0,
        api.fresh().get("/api/v1/orders?status=OPEN", "X-API-Key", trader.firstKey).array().size());
    assertEquals(
        400,
        api.fresh().get("/api/v1/orders?status=WAITING", "X-API-Key", trader.firstKey).status());
  }

  @Test
  void squaringOffClosesThePositionAndTheSummaryAddsUp(Api api) {
    Trader trader = Trader.register(api);
    api.fresh()
        .post("/api/v1/orders", order("HDFCBANK", "BUY", 20, null), "X-API-Key", trader.firstKey);
    api.fresh()
        .post("/api/v1/orders", order("COALINDIA", "SELL", 10, null), "X-API-Key", trader.firstKey);
    JsonObject summary =
        api.fresh()
            .get("/api/v1/portfolio/summary?account=PAPER1", "X-API-Key", trader.firstKey)
            .json();
    assertEquals(2, summary.getInt("openPositionCount"), summary.toString());
    assertEquals(20, summary.getInt("openLongQuantity"));
    assertEquals(10, summary.getInt("openShortQuantity"));

    Api.Reply one =
        api.fresh()
            .post(
                "/api/v1/positions/square-off",
                Api.json(
                    "account",
                    "PAPER1",
                    "exchange",
                    "NSE",
                    "symbol",
                    "HDFCBANK",
                    "productType",
                    "INTRADAY"),
                "X-API-Key",
                trader.firstKey);
    assertEquals(200, one.status(), one.toString());
    JsonObject closing = one.json().getJsonArray("orders").getJsonObject(0);
    assertEquals("SELL", closing.getString("side"));
    assertEquals(20, closing.getInt("quantity"));

    Api.Reply rest =
        api.fresh()
            .post(
                "/api/v1/portfolio/square-off",
                Api.json("account", "PAPER1"),
                "X-API-Key",
                trader.firstKey);
    assertEquals(1, rest.json().getJsonArray("orders").size(), rest.toString());
    JsonObject after =
        api.fresh()
            .get("/api/v1/portfolio/summary?account=PAPER1", "X-API-Key", trader.firstKey)
            .json();
    assertEquals(0, after.getInt("openPositionCount"), after.toString());
    assertEquals(2, after.getInt("closedPositionCount"));
    assertEquals(after.getJsonNumber("pnl").bigDecimalValue(), sumOfPositionPnl(api, trader));
  }

  private static BigDecimal sumOfPositionPnl(Api api, Trader trader) {
    return api.fresh().get("/api/v1/positions", "X-API-Key", trader.firstKey).array().stream()
        .map(p -> p.asJsonObject().getJsonNumber("pnl").bigDecimalValue())
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Test
  void aSemiAutoKeysOrderWaitsUntilAPersonApprovesIt(Api api) {
    Trader trader = Trader.register(api).login();
    String semi =
        trader
            .browser
            .post(
                "/api/v1/keys",
                Api.json(
                    "label",
                    "tradingview",
                    "environment",
                    "LIVE",
                    "permissions",
                    List.of("READ", "TRADE"),
                    "orderMode",
                    "SEMI_AUTO",
                    "password",
                    trader.password))
            .json()
            .getString("key");
    Api.Reply held =
        api.fresh().post("/api/v1/orders", order("TITAN", "BUY", 2, "tv-1"), "X-API-Key", semi);
    assertEquals(202, held.status(), held.toString());
    assertEquals("PENDING_APPROVAL", held.json().getString("status"));
    String actionId = held.json().getString("actionId");
    assertEquals(
        0,
        api.fresh().get("/api/v1/orders", "X-API-Key", semi).array().size(),
        "nothing reached the broker");
    Api.Reply repeat =
        api.fresh().post("/api/v1/orders", order("TITAN", "BUY", 2, "tv-1"), "X-API-Key", semi);
    assertEquals(202, repeat.status());
    assertEquals(actionId, repeat.json().getString("actionId"));

    Api.Reply byKey =
        api.fresh()
            .post("/api/v1/actions/" + actionId + "/approve", null, "X-API-Key", trader.firstKey);
    assertEquals(403, byKey.status());
    assertEquals("SESSION_REQUIRED", byKey.code());
    Api.Reply pending = trader.browser.get("/api/v1/actions?status=PENDING");
    assertEquals(1, pending.array().size(), pending.toString());
    assertEquals(
        "TITAN", pending.array().getJsonObject(0).getJsonObject("order").getString("symbol"));

    Api.Reply approved = trader.browser.post("/api/v1/actions/" + actionId + "/approve", null);
    assertEquals(200, approved.status(), approved.toString());
    String orderId = approved.json().getString("orderId");
    assertEquals(
        "COMPLETE",
        api.fresh().get("/api/v1/orders/" + orderId, "X-API-Key", semi).json().getString("status"));
    assertEquals(
        409,
        trader.browser.post("/api/v1/actions/" + actionId + "/approve", null).status(),
        "approved once");

    String second =
        api.fresh()
            .post("/api/v1/orders", order("TITAN", "SELL", 2, "tv-2"), "X-API-Key", semi)
            .json()
            .getString("actionId");
    Api.Reply rejected =
        trader.browser.post(
            "/api/v1/actions/" + second + "/reject", Api.json("reason", "not today"));
    assertEquals("REJECTED", rejected.json().getString("status"));
    assertTrue(rejected.json().isNull("orderId"), "documented, and null: " + rejected);

    Trader other = Trader.register(api).login();
    assertEquals(404, other.browser.post("/api/v1/actions/" + second + "/approve", null).status());
  }

  @Test
  void aSemiAutoKeysChangeToAnApprovedOrderWaitsForAPersonToo(Api api) {
    Trader trader = Trader.register(api).login();
    String semi =
        trader
            .browser
            .post(
                "/api/v1/keys",
                Api.json(
                    "label",
                    "alerts",
                    "environment",
                    "LIVE",
                    "permissions",
                    List.of("READ", "TRADE"),
                    "orderMode",
                    "SEMI_AUTO",
                    "password",
                    trader.password))
            .json()
            .getString("key");
    BigDecimal low =
        api.fresh()
            .get("/api/v1/quotes?exchange=NSE&symbol=ITC", "X-API-Key", semi)
            .json()
            .getJsonNumber("lastPrice")
            .bigDecimalValue()
            .multiply(new BigDecimal("0.9"))
            .setScale(1, java.math.RoundingMode.DOWN);
    String actionId =
        api.fresh()
            .post(
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
                    1,
                    "orderType",
                    "LIMIT",
                    "price",
                    low,
                    "productType",
                    "INTRADAY"),
                "X-API-Key",
                semi)
            .json()
            .getString("actionId");
    String orderId =
        trader
            .browser
            .post("/api/v1/actions/" + actionId + "/approve", null)
            .json()
            .getString("orderId");

    Api.Reply change =
        api.fresh()
            .patch("/api/v1/orders/" + orderId, Api.json("quantity", 1000), "X-API-Key", semi);
    assertEquals(
        202, change.status(), "a person approved 1, so a person approves 1,000: " + change);
    assertEquals("PENDING_APPROVAL", change.json().getString("status"));
    assertEquals(
        1,
        api.fresh().get("/api/v1/orders/" + orderId, "X-API-Key", semi).json().getInt("quantity"),
        "nothing changed at the broker yet");
    JsonObject held = trader.browser.get("/api/v1/actions?status=PENDING").array().getJsonObject(0);
    assertEquals(orderId, held.getString("modifiesOrderId"));
    assertEquals(1000, held.getJsonObject("order").getInt("quantity"));

    Api.Reply approved =
        trader.browser.post(
            "/api/v1/actions/" + change.json().getString("actionId") + "/approve", null);
    assertEquals(200, approved.status(), approved.toString());
    assertEquals(
        1000,
        api.fresh().get("/api/v1/orders/" + orderId, "X-API-Key", semi).json().getInt("quantity"));

    Api.Reply byAutoKey =
        api.fresh()
            .patch(
                "/api/v1/orders/" + orderId, Api.json("quantity", 2), "X-API-Key", trader.firstKey);
    assertEquals(200, byAutoKey.status(), "an AUTO key changes at once: " + byAutoKey);
  }

  @Test
  void aModifyThatWouldSpendMoreThanTheAccountHasIsRefused(Api api) {
    Trader trader = Trader.register(api);
    BigDecimal low =
        api.fresh()
            .get("/api/v1/quotes?exchange=NSE&symbol=SBIN", "X-API-Key", trader.firstKey)
            .json()
            .getJsonNumber("lastPrice")
            .bigDecimalValue()
            .multiply(new BigDecimal("0.95"))
            .setScale(1, java.math.RoundingMode.DOWN);
    java.util.function.IntFunction<Api.Reply> buy =
        rupees ->
            api.fresh()
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
                        new BigDecimal(rupees)
                            .divide(low, 0, java.math.RoundingMode.DOWN)
                            .intValue(),
                        "orderType",
                        "LIMIT",
                        "price",
                        low,
                        "productType",
                        "DELIVERY"),
                    "X-API-Key",
                    trader.firstKey);
    assertEquals(201, buy.apply(4_500_000).status());
    assertEquals(201, buy.apply(4_500_000).status());
    Api.Reply small = buy.apply(900_000);
    assertEquals(201, small.status(), "99 of 100 lakh blocked: " + small);
    String orderId = small.json().getString("orderId");
    int twelveLakh =
        new BigDecimal("1200000").divide(low, 0, java.math.RoundingMode.DOWN).intValue();

    Api.Reply grown =
        api.fresh()
            .patch(
                "/api/v1/orders/" + orderId,
                Api.json("quantity", twelveLakh),
                "X-API-Key",
                trader.firstKey);
    assertEquals(
        422, grown.status(), "9 lakh grown to 12 needs 3 lakh more than the 1 left: " + grown);
    assertTrue(grown.json().getString("detail").contains("insufficient funds"), grown.toString());
    assertEquals(
        small.json().getInt("quantity"),
        api.fresh()
            .get("/api/v1/orders/" + orderId, "X-API-Key", trader.firstKey)
            .json()
            .getInt("quantity"),
        "the refused change left the order as it was");
  }
}
