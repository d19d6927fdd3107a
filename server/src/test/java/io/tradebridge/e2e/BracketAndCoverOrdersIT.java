package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class BracketAndCoverOrdersIT {

  private static List<JsonObject> children(Api api, String key, String parentId) {
    return api
        .fresh()
        .get("/api/v1/orders", "X-API-Key", key)
        .array()
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(o -> parentId.equals(o.getString("parentOrderId", null)))
        .toList();
  }

  private static JsonObject leg(List<JsonObject> legs, String type) {
    return legs.stream()
        .filter(o -> o.getString("orderType").equals(type))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aFilledBracketOpensATargetAndAStopAndOneCancelsTheOther(Api api) {
    Trader trader = Trader.register(api);
    Api.Reply entry =
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
                    5,
                    "orderType",
                    "MARKET",
                    "productType",
                    "INTRADAY",
                    "variety",
                    "BO",
                    "target",
                    5,
                    "stoploss",
                    3),
                "X-API-Key",
                trader.firstKey);
    assertEquals(201, entry.status(), entry.toString());
    assertEquals("COMPLETE", entry.json().getString("status"));
    BigDecimal fill = entry.json().getJsonNumber("averagePrice").bigDecimalValue();

    List<JsonObject> legs = children(api, trader.firstKey, entry.json().getString("orderId"));
    assertEquals(2, legs.size(), legs.toString());
    JsonObject target = leg(legs, "LIMIT");
    JsonObject stop = leg(legs, "SL_MARKET");
    assertEquals("SELL", target.getString("side"));
    assertEquals(
        0,
        fill.add(new BigDecimal("5"))
            .setScale(1, RoundingMode.HALF_UP)
            .compareTo(
                target.getJsonNumber("price").bigDecimalValue().setScale(1, RoundingMode.HALF_UP)),
        target.toString());
    assertEquals("OPEN", target.getString("status"));
    assertEquals("TRIGGER_PENDING", stop.getString("status"));
    assertTrue(
        stop.getJsonNumber("triggerPrice").bigDecimalValue().compareTo(fill) < 0, stop.toString());

    Api.Reply taken =
        api.fresh()
            .patch(
                "/api/v1/orders/" + target.getString("orderId"),
                Api.json("orderType", "MARKET"),
                "X-API-Key",
                trader.firstKey);
    assertEquals("COMPLETE", taken.json().getString("status"), taken.toString());
    JsonObject stopAfter =
        api.fresh()
            .get("/api/v1/orders/" + stop.getString("orderId"), "X-API-Key", trader.firstKey)
            .json();
    assertEquals(
        "CANCELLED", stopAfter.getString("status"), "one leg filled, so the other is cancelled");
  }

  @Test
  void exitingACoverOrderCancelsItsStopAndClosesThePosition(Api api) {
    Trader trader = Trader.register(api);
    BigDecimal last =
        api.fresh()
            .get("/api/v1/quotes?exchange=NSE&symbol=BEL", "X-API-Key", trader.firstKey)
            .json()
            .getJsonNumber("lastPrice")
            .bigDecimalValue();
    BigDecimal stopAt = last.multiply(new BigDecimal("0.97")).setScale(1, RoundingMode.DOWN);
    Api.Reply entry =
        api.fresh()
            .post(
                "/api/v1/orders",
                Api.json(
                    "account",
                    "PAPER1",
                    "exchange",
                    "NSE",
                    "symbol",
                    "BEL",
                    "side",
                    "BUY",
                    "quantity",
                    4,
                    "orderType",
                    "MARKET",
                    "productType",
                    "INTRADAY",
                    "variety",
                    "CO",
                    "triggerPrice",
                    stopAt),
                "X-API-Key",
                trader.firstKey);
    assertEquals(201, entry.status(), entry.toString());
    String entryId = entry.json().getString("orderId");
    assertEquals(1, children(api, trader.firstKey, entryId).size());

    Api.Reply exit =
        api.fresh()
            .post(
                "/api/v1/orders/" + entryId + "/cancel-children",
                null,
                "X-API-Key",
                trader.firstKey);
    assertEquals(200, exit.status(), exit.toString());
    List<JsonObject> affected = exit.json().getJsonArray("orders").getValuesAs(JsonObject.class);
    assertEquals("CANCELLED", affected.get(0).getString("status"));
    assertEquals("SELL", affected.get(1).getString("side"));
    assertEquals("COMPLETE", affected.get(1).getString("status"));
    JsonObject position =
        api.fresh().get("/api/v1/positions", "X-API-Key", trader.firstKey).array().getJsonObject(0);
    assertEquals(0, position.getInt("netQuantity"), position.toString());
  }

  @Test
  void aCoverStopOnTheWrongSideAndABracketWithoutDistancesAreRefused(Api api) {
    Trader trader = Trader.register(api);
    BigDecimal last =
        api.fresh()
            .get("/api/v1/quotes?exchange=NSE&symbol=BEL", "X-API-Key", trader.firstKey)
            .json()
            .getJsonNumber("lastPrice")
            .bigDecimalValue();
    Api.Reply wrongSide =
        api.fresh()
            .post(
                "/api/v1/orders",
                Api.json(
                    "account",
                    "PAPER1",
                    "exchange",
                    "NSE",
                    "symbol",
                    "BEL",
                    "side",
                    "BUY",
                    "quantity",
                    1,
                    "orderType",
                    "MARKET",
                    "productType",
                    "INTRADAY",
                    "variety",
                    "CO",
                    "triggerPrice",
                    last.multiply(new BigDecimal("1.05")).setScale(1, RoundingMode.UP)),
                "X-API-Key",
                trader.firstKey);
    assertEquals(422, wrongSide.status(), wrongSide.toString());
    Api.Reply noDistances =
        api.fresh()
            .post(
                "/api/v1/orders",
                Api.json(
                    "account",
                    "PAPER1",
                    "exchange",
                    "NSE",
                    "symbol",
                    "BEL",
                    "side",
                    "BUY",
                    "quantity",
                    1,
                    "orderType",
                    "MARKET",
                    "productType",
                    "INTRADAY",
                    "variety",
                    "BO"),
                "X-API-Key",
                trader.firstKey);
    assertEquals(400, noDistances.status());
    String errors = noDistances.json().getJsonArray("errors").toString();
    assertTrue(errors.contains("\"target\"") && errors.contains("\"stoploss\""), errors);
  }
}
