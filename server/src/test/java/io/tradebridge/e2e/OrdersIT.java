package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class OrdersIT {

  private static Api.Reply place(Api api, String key, Object... fields) {
    return api.fresh().post("/api/v1/orders", Api.json(fields), "X-API-Key", key);
  }

  private static Object[] market(String side, int quantity, Object... extra) {
    Object[] base = {
      "account",
      "PAPER1",
      "exchange",
      "NSE",
      "symbol",
      "SBIN",
      "side",
      side,
      "quantity",
      quantity,
      "orderType",
      "MARKET",
      "productType",
      "INTRADAY"
    };
    Object[] all = new Object[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return all;
  }

  private static JsonObject quote(Api api, String key, String symbol) {
    return api.fresh().get("/api/v1/quotes?exchange=NSE&symbol=" + symbol, "X-API-Key", key).json();
  }

  @Test
  void theMarginAnOrderNeedsIsToldBeforeItIsSentAndNothingIsPlaced(Api api) {
    Trader trader = Trader.register(api);
    BigDecimal limit =
        quote(api, trader.firstKey, "SBIN")
            .getJsonNumber("lastPrice")
            .bigDecimalValue()
            .multiply(new BigDecimal("0.95"))
            .setScale(1, java.math.RoundingMode.DOWN);
    Object[] order = {
      "account",
      "PAPER1",
      "exchange",
      "NSE",
      "symbol",
      "SBIN",
      "side",
      "BUY",
      "quantity",
      10,
      "orderType",
      "LIMIT",
      "price",
      limit,
      "productType",
      "DELIVERY"
    };
    Api.Reply delivery =
        api.fresh().post("/api/v1/margins/order", Api.json(order), "X-API-Key", trader.firstKey);
    assertEquals(200, delivery.status(), delivery.toString());
    assertEquals(
        0,
        limit
            .multiply(BigDecimal.TEN)
            .compareTo(delivery.json().getJsonNumber("required").bigDecimalValue()),
        "delivery blocks the whole value: " + delivery);
    assertTrue(delivery.json().getBoolean("enough"));
    assertEquals(
        0,
        new BigDecimal("10000000.00")
            .compareTo(delivery.json().getJsonNumber("available").bigDecimalValue()));
    order[order.length - 1] = "INTRADAY";
    Api.Reply intraday =
        api.fresh().post("/api/v1/margins/order", Api.json(order), "X-API-Key", trader.firstKey);
    assertEquals(
        0,
        limit
            .multiply(BigDecimal.TEN)
            .multiply(new BigDecimal("0.20"))
            .compareTo(intraday.json().getJsonNumber("required").bigDecimalValue()),
        "intraday a fifth of it: " + intraday);
    assertEquals(
        0,
        api.fresh().get("/api/v1/orders", "X-API-Key", trader.firstKey).array().size(),
        "nothing placed");
    Api.Reply noAccount =
        api.fresh()
            .post(
                "/api/v1/margins/order",
                Api.json(
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
                    "DELIVERY"),
                "X-API-Key",
                trader.firstKey);
    assertEquals(400, noAccount.status(), noAccount.toString());
    assertTrue(noAccount.body().contains("account"), noAccount.toString());
  }

  @Test
  void aMarketBuyFillsAtTheAskAndShowsInTradesPositionsAndMargins(Api api) {
    Trader trader = Trader.register(api);
    JsonObject quote = quote(api, trader.firstKey, "SBIN");
    assertTrue(
        quote
                .getJsonNumber("bid")
                .bigDecimalValue()
                .compareTo(quote.getJsonNumber("ask").bigDecimalValue())
            < 0,
        quote.toString());

    Api.Reply placed = place(api, trader.firstKey, market("BUY", 10));
    assertEquals(201, placed.status(), placed.toString());
    JsonObject order = placed.json();
    assertEquals("COMPLETE", order.getString("status"));
    assertEquals(10, order.getInt("filledQuantity"));
    BigDecimal fill = order.getJsonNumber("averagePrice").bigDecimalValue();
    assertTrue(
        fill.compareTo(
                quote.getJsonNumber("lastPrice").bigDecimalValue().multiply(new BigDecimal("0.95")))
            > 0);

    Api.Reply trades = api.fresh().get("/api/v1/trades", "X-API-Key", trader.firstKey);
    assertEquals(1, trades.array().size());
    assertEquals(order.getString("orderId"), trades.array().getJsonObject(0).getString("orderId"));

    JsonObject position =
        api.fresh()
            .get("/api/v1/positions?account=PAPER1", "X-API-Key", trader.firstKey)
            .array()
            .getJsonObject(0);
    assertEquals(10, position.getInt("netQuantity"));
    assertEquals(fill, position.getJsonNumber("buyAveragePrice").bigDecimalValue());

    JsonObject margins =
        api.fresh().get("/api/v1/margins?account=PAPER1", "X-API-Key", trader.firstKey).json();
    assertEquals(
        new BigDecimal("10000000.00"), margins.getJsonNumber("totalCapital").bigDecimalValue());
    assertTrue(
        margins.getJsonNumber("utilisedMargin").bigDecimalValue().signum() > 0, margins.toString());
  }

  @Test
  void theSameClientOrderIdAndBodyPlaceOnceAndAnotherBodyIsAConflict(Api api) {
    Trader trader = Trader.register(api);
    Api.Reply first =
        place(api, trader.firstKey, market("BUY", 3, "clientOrderId", "strategy-7.leg:1"));
    Api.Reply again =
        place(api, trader.firstKey, market("BUY", 3, "clientOrderId", "strategy-7.leg:1"));
    assertEquals(201, first.status(), first.toString());
    assertEquals(201, again.status(), again.toString());
    assertEquals(first.json().getString("orderId"), again.json().getString("orderId"));
    assertEquals(
        1,
        api.fresh().get("/api/v1/orders", "X-API-Key", trader.firstKey).array().size(),
        "placed once");

    Api.Reply different =
        place(api, trader.firstKey, market("BUY", 4, "clientOrderId", "strategy-7.leg:1"));
    assertEquals(409, different.status(), different.toString());
    assertEquals("CONFLICT", different.code());

    Api.Reply byHeader =
        api.fresh()
            .post(
                "/api/v1/orders",
                Api.json(market("SELL", 3)),
                "X-API-Key",
                trader.firstKey,
                "Idempotency-Key",
                "close-1");
    Api.Reply byHeaderAgain =
        api.fresh()
            .post(
                "/api/v1/orders",
                Api.json(market("SELL", 3)),
                "X-API-Key",
                trader.firstKey,
                "Idempotency-Key",
                "close-1");
    assertEquals(byHeader.json().getString("orderId"), byHeaderAgain.json().getString("orderId"));
    assertEquals(2, api.fresh().get("/api/v1/orders", "X-API-Key", trader.firstKey).array().size());
  }

  @Test
  void aRestingLimitOrderCanBeModifiedIntoAFillAndCancelledOnlyWhileOpen(Api api) {
    Trader trader = Trader.register(api);
    BigDecimal last =
        quote(api, trader.firstKey, "INFY").getJsonNumber("lastPrice").bigDecimalValue();
    BigDecimal low = last.multiply(new BigDecimal("0.90")).setScale(1, java.math.RoundingMode.DOWN);
    Api.Reply resting =
        place(
            api,
            trader.firstKey,
            "account",
            "PAPER1",
            "exchange",
            "NSE",
            "symbol",
            "INFY",
            "side",
            "BUY",
            "quantity",
            5,
            "orderType",
            "LIMIT",
            "price",
            low,
            "productType",
            "DELIVERY");
    assertEquals(201, resting.status(), resting.toString());
    assertEquals("OPEN", resting.json().getString("status"));
    String id = resting.json().getString("orderId");

    Api.Reply modified =
        api.fresh()
            .patch(
                "/api/v1/orders/" + id,
                Api.json("orderType", "MARKET"),
                "X-API-Key",
                trader.firstKey);
    assertEquals(200, modified.status(), modified.toString());
    assertEquals("COMPLETE", modified.json().getString("status"));

    Api.Reply second =
        place(
            api,
            trader.firstKey,
            "account",
            "PAPER1",
            "exchange",
            "NSE",
            "symbol",
            "INFY",
            "side",
            "BUY",
            "quantity",
            5,
            "orderType",
            "LIMIT",
            "price",
            low,
            "productType",
            "DELIVERY");
    String secondId = second.json().getString("orderId");
    Api.Reply cancelled =
        api.fresh().delete("/api/v1/orders/" + secondId, "X-API-Key", trader.firstKey);
    assertEquals(200, cancelled.status(), cancelled.toString());
    assertEquals("CANCELLED", cancelled.json().getString("status"));
    assertEquals(
        409,
        api.fresh().delete("/api/v1/orders/" + secondId, "X-API-Key", trader.firstKey).status());
    assertEquals(
        409,
        api.fresh().delete("/api/v1/orders/" + id, "X-API-Key", trader.firstKey).status(),
        "a filled order stays filled");
  }

  /**
   * The paper clock keeps matching what rests: each second brings fresh depth at the order's price.
   */
  @Test
  void aLimitOrderLargerThanTheBookKeepsFillingOnTheFollowingSeconds(Api api)
      throws InterruptedException {
    Trader trader = Trader.register(api);
    BigDecimal ask = quote(api, trader.firstKey, "ONGC").getJsonNumber("ask").bigDecimalValue();
    BigDecimal above = ask.multiply(new BigDecimal("1.01")).setScale(0, java.math.RoundingMode.UP);
    Api.Reply placed =
        place(
            api,
            trader.firstKey,
            "account",
            "PAPER1",
            "exchange",
            "NSE",
            "symbol",
            "ONGC",
            "side",
            "BUY",
            "quantity",
            4000,
            "orderType",
            "LIMIT",
            "price",
            above,
            "productType",
            "INTRADAY");
    assertEquals(201, placed.status(), placed.toString());
    int first = placed.json().getInt("filledQuantity");
    assertEquals(
        "OPEN",
        placed.json().getString("status"),
        "five levels of depth hold fewer than 4,000 shares: " + placed);
    assertTrue(first > 0, placed.toString());

    String id = placed.json().getString("orderId");
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    JsonObject now = placed.json();
    while (!"COMPLETE".equals(now.getString("status")) && System.nanoTime() < deadline) {
      Thread.sleep(250);
      now = api.fresh().get("/api/v1/orders/" + id, "X-API-Key", trader.firstKey).json();
    }
    assertEquals("COMPLETE", now.getString("status"), "the rest filled on later seconds: " + now);
    assertEquals(4000, now.getInt("filledQuantity"));
  }

  @Test
  void stopOrdersWaitAndIocOrdersThatCannotFillAreCancelled(Api api) {
    Trader trader = Trader.register(api);
    BigDecimal last =
        quote(api, trader.firstKey, "TCS").getJsonNumber("lastPrice").bigDecimalValue();
    BigDecimal trigger =
        last.multiply(new BigDecimal("1.10")).setScale(0, java.math.RoundingMode.UP);
    Api.Reply stop =
        place(
            api,
            trader.firstKey,
            "account",
            "PAPER1",
            "exchange",
            "NSE",
            "symbol",
            "TCS",
            "side",
            "BUY",
            "quantity",
            1,
            "orderType",
            "SL_MARKET",
            "triggerPrice",
            trigger,
            "productType",
            "INTRADAY");
    assertEquals(201, stop.status(), stop.toString());
    assertEquals("TRIGGER_PENDING", stop.json().getString("status"));

    BigDecimal far = last.multiply(new BigDecimal("0.90")).setScale(0, java.math.RoundingMode.DOWN);
    Api.Reply ioc =
        place(
            api,
            trader.firstKey,
            "account",
            "PAPER1",
            "exchange",
            "NSE",
            "symbol",
            "TCS",
            "side",
            "BUY",
            "quantity",
            1,
            "orderType",
            "LIMIT",
            "price",
            far,
            "validity",
            "IOC",
            "productType",
            "INTRADAY");
    assertEquals("CANCELLED", ioc.json().getString("status"), ioc.toString());
    assertTrue(ioc.json().getString("statusMessage").contains("IOC"));
  }

  @Test
  void malformedOrdersNameTheField(Api api) {
    Trader trader = Trader.register(api);
    record Case(String field, Object[] body) {}
    List<Case> cases =
        List.of(
            new Case("quantity", market("BUY", 0)),
            new Case("quantity", market("BUY", -5)),
            new Case("price", market("BUY", 1, "price", 900)),
            new Case(
                "side",
                new Object[] {
                  "account",
                  "PAPER1",
                  "exchange",
                  "NSE",
                  "symbol",
                  "SBIN",
                  "side",
                  "HOLD",
                  "quantity",
                  1,
                  "orderType",
                  "MARKET",
                  "productType",
                  "INTRADAY"
                }),
            new Case(
                "triggerPrice",
                new Object[] {
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
                  "STOP_LOSS",
                  "price",
                  900,
                  "productType",
                  "INTRADAY"
                }),
            new Case("clientOrderId", market("BUY", 1, "clientOrderId", "has spaces in it")));
    for (Case c : cases) {
      Api.Reply reply = place(api, trader.firstKey, c.body());
      assertEquals(400, reply.status(), c.field() + ": " + reply);
      assertTrue(
          reply.json().getJsonArray("errors").toString().contains("\"" + c.field() + "\""),
          reply.toString());
    }
    Api.Reply fraction =
        api.fresh()
            .post(
                "/api/v1/orders",
                "{\"account\":\"PAPER1\",\"exchange\":\"NSE\",\"symbol\":\"SBIN\","
                    + "\"side\":\"BUY\",\"quantity\":10.5,\"orderType\":\"MARKET\",\"productType\":\"INTRADAY\"}",
                "X-API-Key",
                trader.firstKey);
    assertEquals(400, fraction.status());
    assertEquals(
        0,
        api.fresh().get("/api/v1/orders", "X-API-Key", trader.firstKey).array().size(),
        "nothing was placed");

    Api.Reply unknownSymbol =
        place(
            api,
            trader.firstKey,
            "account",
            "PAPER1",
            "exchange",
            "NSE",
            "symbol",
            "NOSUCH",
            "side",
            "BUY",
            "quantity",
            1,
            "orderType",
            "MARKET",
            "productType",
            "INTRADAY");
    assertEquals(422, unknownSymbol.status(), unknownSymbol.toString());
    Api.Reply unknownAccount =
        place(
            api,
            trader.firstKey,
            "account",
            "ACC9",
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
    assertEquals(404, unknownAccount.status(), unknownAccount.toString());
    assertTrue(unknownAccount.json().getString("detail").contains("ACC9"));
  }

  @Test
  void riskLimitsRefuseWithTheLimitNamed(Api api) {
    Trader trader = Trader.register(api);
    String nifty = PaperContracts.nearest(api, trader.firstKey, "NIFTY");
    Api.Reply freeze =
        place(
            api,
            trader.firstKey,
            "account",
            "PAPER1",
            "exchange",
            "NFO",
            "symbol",
            nifty,
            "side",
            "BUY",
            "quantity",
            1875,
            "orderType",
            "MARKET",
            "productType",
            "NORMAL");
    assertEquals(422, freeze.status(), freeze.toString());
    assertTrue(
        freeze.json().getString("detail").contains("freeze quantity 1800"), freeze.toString());
    Api.Reply lot =
        place(
            api,
            trader.firstKey,
            "account",
            "PAPER1",
            "exchange",
            "NFO",
            "symbol",
            nifty,
            "side",
            "BUY",
            "quantity",
            10,
            "orderType",
            "MARKET",
            "productType",
            "NORMAL");
    assertTrue(lot.json().getString("detail").contains("lot size 75"), lot.toString());
    Api.Reply value = place(api, trader.firstKey, market("BUY", 90_000));
    assertEquals(422, value.status());
    assertTrue(value.json().getString("detail").contains("maximum order value"), value.toString());
    Api.Reply band =
        place(
            api,
            trader.firstKey,
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
            "LIMIT",
            "price",
            2000,
            "productType",
            "INTRADAY");
    assertTrue(band.json().getString("detail").contains("20%"), band.toString());
  }

  @Test
  void aReadOnlyKeyReadsButCannotTradeAndOtherUsersOrdersAreNotFound(Api api) {
    Trader trader = Trader.register(api).login();
    String readOnly =
        trader
            .browser
            .post(
                "/api/v1/keys",
                Api.json(
                    "label",
                    "dashboard",
                    "environment",
                    "LIVE",
                    "permissions",
                    List.of("READ"),
                    "password",
                    trader.password))
            .json()
            .getString("key");
    Api.Reply refused = place(api, readOnly, market("BUY", 1));
    assertEquals(403, refused.status(), refused.toString());
    assertEquals(200, api.fresh().get("/api/v1/orders", "X-API-Key", readOnly).status());

    String orderId = place(api, trader.firstKey, market("BUY", 1)).json().getString("orderId");
    Trader other = Trader.register(api);
    assertEquals(
        404, api.fresh().get("/api/v1/orders/" + orderId, "X-API-Key", other.firstKey).status());
    assertEquals(
        404, api.fresh().delete("/api/v1/orders/" + orderId, "X-API-Key", other.firstKey).status());
    Api.Reply sellTheirs = place(api, other.firstKey, market("SELL", 1));
    assertEquals(201, sellTheirs.status(), "the other user's PAPER1 is their own account");
  }
}
