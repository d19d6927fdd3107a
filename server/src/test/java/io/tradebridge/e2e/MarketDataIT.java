package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the trading screen reads: a quote with its depth, and candles built from the ticks. */
@ExtendWith(SharedServer.class)
class MarketDataIT {

  @Test
  void aQuoteCarriesItsDepthAndCandlesHoldTheTicksSeen(Api api) throws Exception {
    Trader trader = Trader.register(api);
    JsonObject quote =
        api.fresh()
            .get("/api/v1/quotes?exchange=NSE&symbol=SBIN", "X-API-Key", trader.firstKey)
            .json();
    JsonArray bids = quote.getJsonArray("bids");
    JsonArray asks = quote.getJsonArray("asks");
    assertEquals(5, bids.size(), quote.toString());
    BigDecimal bestBid = bids.getJsonObject(0).getJsonNumber("price").bigDecimalValue();
    BigDecimal bestAsk = asks.getJsonObject(0).getJsonNumber("price").bigDecimalValue();
    assertEquals(0, bestBid.compareTo(quote.getJsonNumber("bid").bigDecimalValue()));
    assertTrue(bestBid.compareTo(bestAsk) < 0, "bid under ask: " + quote);

    Thread.sleep(2100); // two ticks at least
    JsonArray minutes =
        api.fresh()
            .get(
                "/api/v1/candles?exchange=NSE&symbol=SBIN&interval=1m",
                "X-API-Key",
                trader.firstKey)
            .array();
    assertTrue(minutes.size() >= 1, minutes.toString());
    JsonObject last = minutes.getJsonObject(minutes.size() - 1);
    BigDecimal high = last.getJsonNumber("high").bigDecimalValue();
    BigDecimal low = last.getJsonNumber("low").bigDecimalValue();
    for (String field : new String[] {"open", "close"}) {
      BigDecimal v = last.getJsonNumber(field).bigDecimalValue();
      assertTrue(v.compareTo(low) >= 0 && v.compareTo(high) <= 0, field + " within range: " + last);
    }
    assertEquals(0, Instant.parse(last.getString("time")).getEpochSecond() % 60, "on the minute");
    JsonArray days =
        api.fresh()
            .get(
                "/api/v1/candles?exchange=NSE&symbol=SBIN&interval=1d",
                "X-API-Key",
                trader.firstKey)
            .array();
    assertTrue(days.size() >= 1 && days.size() <= 2, days.toString());

    Api.Reply badInterval =
        api.fresh()
            .get(
                "/api/v1/candles?exchange=NSE&symbol=SBIN&interval=2m",
                "X-API-Key",
                trader.firstKey);
    assertEquals(400, badInterval.status());
    assertTrue(badInterval.body().contains("\"interval\""), badInterval.toString());
    assertEquals(
        404,
        api.fresh()
            .get("/api/v1/candles?exchange=NSE&symbol=NOPE", "X-API-Key", trader.firstKey)
            .status());
    assertEquals(
        400,
        api.fresh()
            .get(
                "/api/v1/candles?exchange=NSE&symbol=SBIN&from=2026-12-04T10:00:00Z&to=2026-12-04T09:00:00Z",
                "X-API-Key",
                trader.firstKey)
            .status());
    assertEquals(401, api.fresh().get("/api/v1/candles?exchange=NSE&symbol=SBIN").status());
  }

  @Test
  void futuresRollMonthlyAndAnExpiredContractIsRefusedSayingSo(Api api) {
    Trader trader = Trader.register(api);
    java.util.List<JsonObject> nifty =
        api
            .fresh()
            .get("/api/v1/instruments?exchange=NFO&q=NIFTY_", "X-API-Key", trader.firstKey)
            .array()
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(i -> i.getString("symbol").startsWith("NIFTY_"))
            .filter(i -> "FUT".equals(i.getString("instrumentType")))
            .toList();
    assertEquals(3, nifty.size(), nifty.toString());
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Kolkata"));
    for (JsonObject contract : nifty) {
      java.time.LocalDate expiry = java.time.LocalDate.parse(contract.getString("expiry"));
      assertEquals(java.time.DayOfWeek.TUESDAY, expiry.getDayOfWeek(), contract.toString());
      assertTrue(!expiry.isBefore(today), "only contracts not yet expired: " + contract);
      assertEquals("FUT", contract.getString("instrumentType"));
    }
    java.time.LocalDate lastMonths =
        java.time.YearMonth.from(today)
            .minusMonths(1)
            .atEndOfMonth()
            .with(java.time.temporal.TemporalAdjusters.lastInMonth(java.time.DayOfWeek.TUESDAY));
    String expired =
        "NIFTY_"
            + lastMonths
                .format(
                    java.time.format.DateTimeFormatter.ofPattern(
                        "dd-MMM-yyyy", java.util.Locale.ENGLISH))
                .toUpperCase(java.util.Locale.ROOT)
            + "_FUT";
    Api.Reply refused =
        api.fresh()
            .post(
                "/api/v1/orders",
                Api.json(
                    "account",
                    "PAPER1",
                    "exchange",
                    "NFO",
                    "symbol",
                    expired,
                    "side",
                    "BUY",
                    "quantity",
                    75,
                    "orderType",
                    "MARKET",
                    "productType",
                    "NORMAL"),
                "X-API-Key",
                trader.firstKey);
    assertEquals(422, refused.status(), refused.toString());
    assertTrue(
        refused.json().getString("detail").startsWith(expired + " expired on " + lastMonths),
        refused.toString());
    assertEquals(
        "EQ",
        api.fresh()
            .get("/api/v1/instruments?exchange=NSE&q=SBIN", "X-API-Key", trader.firstKey)
            .array()
            .getJsonObject(0)
            .getString("instrumentType"));
  }
}
