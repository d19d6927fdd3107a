package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A trader rehearses an options strategy on paper: finds NIFTY's chain, buys the call at the money,
 * and watches its premium rise when the index does (an administrator moves the underlying future
 * through the paper market's control); an expired option is refused saying so.
 */
@ExtendWith(SharedServer.class)
class OptionChainIT {

  private Api api;
  private String admin;
  private String pinned;

  @BeforeEach
  void administrator(Api api) {
    this.api = api;
    this.admin = "Bearer " + TokenMint.token(SingleSignOnIT.someone(), "admin");
  }

  @AfterEach
  void letTheIndexWalkAgain() {
    Api.Reply hours =
        api.fresh().delete("/api/v1/admin/paper-market/hours", "Authorization", admin);
    assertEquals(200, hours.status(), hours.toString());
    if (pinned != null) {
      assertEquals(
          204,
          api.fresh()
              .delete("/api/v1/admin/paper-market/NFO/" + pinned, "Authorization", admin)
              .status());
    }
  }

  private static JsonObject chain(Trader trader, String query) {
    return BrokerKit.get(trader, "/api/v1/option-chain?" + query).json();
  }

  private static BigDecimal number(JsonObject o, String field) {
    return o.getJsonNumber(field).bigDecimalValue();
  }

  @Test
  void aCallBoughtAtTheMoneyGainsWhenTheIndexRises() throws Exception {
    Trader trader = Trader.register(api);
    JsonObject nearest = chain(trader, "exchange=NFO&underlying=NIFTY");
    List<String> expiries =
        nearest.getJsonArray("expiries").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(jakarta.json.JsonString::getString)
            .toList();
    // Two weeklies and two monthlies; three when a weekly is also a monthly.
    assertTrue(expiries.size() == 4 || expiries.size() == 3, expiries.toString());
    assertEquals(expiries.get(0), nearest.getString("expiry"), "the nearest by default");
    String future = PaperContracts.nearest(api, trader.firstKey, "NIFTY");
    assertEquals(future, nearest.getString("underlyingSymbol"));

    // The nearest monthly expiry: its contracts outlive this test whatever the day.
    String monthly = future.substring("NIFTY_".length(), future.length() - "_FUT".length());
    LocalDate monthlyExpiry =
        LocalDate.parse(
            monthly,
            new java.time.format.DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern("dd-MMM-yyyy")
                .toFormatter(java.util.Locale.ENGLISH));
    assertTrue(expiries.contains(monthlyExpiry.toString()), expiries.toString());
    JsonObject month = chain(trader, "underlying=nifty&expiry=" + monthlyExpiry);
    List<JsonObject> strikes = month.getJsonArray("strikes").getValuesAs(JsonObject.class);
    assertEquals(13, strikes.size(), "six strikes either side of the money");
    BigDecimal index = number(month, "underlyingPrice");
    JsonObject atm =
        strikes.stream()
            .min(Comparator.comparing(s -> number(s, "strike").subtract(index).abs()))
            .orElseThrow();
    JsonObject call = atm.getJsonObject("call");
    JsonObject put = atm.getJsonObject("put");
    assertTrue(call.getString("symbol").endsWith("_CE") && put.getString("symbol").endsWith("_PE"));
    double delta = number(call, "delta").doubleValue();
    assertTrue(delta > 0.3 && delta < 0.7, "an at-the-money call's delta: " + call);
    assertTrue(number(put, "delta").signum() < 0, "a put's delta is negative: " + put);
    assertTrue(
        number(call, "theta").signum() < 0 && number(call, "vega").signum() > 0, call.toString());
    assertTrue(number(call, "ask").compareTo(number(call, "bid")) > 0, "a real spread: " + call);

    String symbol = call.getString("symbol");
    Api.Reply bought = buy(trader, symbol);
    assertEquals(201, bought.status(), bought.toString());
    assertEquals("COMPLETE", bought.json().getString("status"));
    BigDecimal paid = number(bought.json(), "averagePrice");

    // The index rises 2%: the administrator holds the future there.
    BigDecimal up = index.multiply(new BigDecimal("1.02")).setScale(1, RoundingMode.HALF_UP);
    pinned = future;
    Api.Reply held =
        api.fresh()
            .put(
                "/api/v1/admin/paper-market/NFO/" + future,
                Api.json("lastPrice", up, "bidQuantity", 10_000, "askQuantity", 10_000),
                "Authorization",
                admin);
    assertEquals(200, held.status(), held.toString());

    String quote = "/api/v1/quotes?exchange=NFO&symbol=" + symbol;
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    BigDecimal premium = number(BrokerKit.get(trader, quote).json(), "lastPrice");
    while (premium.compareTo(paid.add(new BigDecimal("200"))) < 0
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
      premium = number(BrokerKit.get(trader, quote).json(), "lastPrice");
    }
    assertTrue(
        premium.compareTo(paid.add(new BigDecimal("200"))) > 0,
        "a 2% rise lifts the call by most of its delta times 2% of the index: paid "
            + paid
            + ", now "
            + premium);
    JsonObject position =
        BrokerKit.get(trader, "/api/v1/positions?account=PAPER1")
            .array()
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(p -> p.getString("symbol").equals(symbol))
            .findFirst()
            .orElseThrow();
    assertEquals(75, position.getInt("netQuantity"));
    assertTrue(number(position, "unrealisedPnl").signum() > 0, position.toString());
  }

  private Api.Reply buy(Trader trader, String symbol) {
    return trader
        .browser
        .fresh()
        .post(
            "/api/v1/orders",
            Api.json(
                "account",
                "PAPER1",
                "exchange",
                "NFO",
                "symbol",
                symbol,
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
  }

  private void rehearse(String time) {
    Api.Reply set =
        api.fresh()
            .put(
                "/api/v1/admin/paper-market/hours",
                Api.json("hours", "exchange", "time", time),
                "Authorization",
                admin);
    assertEquals(200, set.status(), set.toString());
  }

  @Test
  void atTheExpiryDaysCloseOptionsAreSettledInCashAtWhatTheyAreWorthExercised() throws Exception {
    Trader trader = Trader.register(api);
    JsonObject nearest = chain(trader, "underlying=NIFTY");
    String expiry = nearest.getString("expiry");
    rehearse(expiry + "T15:29:00+05:30");
    BigDecimal index = number(nearest, "underlyingPrice");
    JsonObject below =
        nearest.getJsonArray("strikes").getValuesAs(JsonObject.class).stream()
            .filter(s -> number(s, "strike").compareTo(index) < 0)
            .max(Comparator.comparing(s -> number(s, "strike")))
            .orElseThrow();
    BigDecimal strike = number(below, "strike");
    String call = below.getJsonObject("call").getString("symbol");
    String put = below.getJsonObject("put").getString("symbol");
    for (String symbol : List.of(call, put)) {
      Api.Reply bought = buy(trader, symbol);
      assertEquals(201, bought.status(), bought.toString());
      assertEquals("COMPLETE", bought.json().getString("status"), bought.toString());
    }
    // The index closes 100 points above the strike: the call is worth 100, the put nothing.
    pinned = nearest.getString("underlyingSymbol");
    Api.Reply held =
        api.fresh()
            .put(
                "/api/v1/admin/paper-market/NFO/" + pinned,
                Api.json("lastPrice", strike.add(new BigDecimal("100"))),
                "Authorization",
                admin);
    assertEquals(200, held.status(), held.toString());
    rehearse(expiry + "T15:30:02+05:30");

    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    List<JsonObject> settlements = List.of();
    while (settlements.size() < 2 && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
      settlements =
          BrokerKit.get(trader, "/api/v1/orders?account=PAPER1")
              .array()
              .getValuesAs(JsonObject.class)
              .stream()
              .filter(o -> o.getString("side").equals("SELL"))
              .toList();
    }
    assertEquals(2, settlements.size(), "both positions settled: " + settlements);
    for (JsonObject s : settlements) {
      boolean isCall = s.getString("symbol").equals(call);
      BigDecimal worth = isCall ? new BigDecimal("100") : BigDecimal.ZERO;
      assertEquals("COMPLETE", s.getString("status"));
      assertEquals(75, s.getInt("filledQuantity"));
      assertEquals(0, worth.compareTo(number(s, "averagePrice")), s.toString());
      assertTrue(
          s.getString("statusMessage").startsWith("settled at expiry (" + expiry + ")"),
          s.toString());
    }
    List<JsonObject> positions =
        BrokerKit.get(trader, "/api/v1/positions?account=PAPER1")
            .array()
            .getValuesAs(JsonObject.class);
    assertTrue(
        positions.stream().allMatch(p -> p.getInt("netQuantity") == 0), positions.toString());
  }

  @Test
  void aSoldOptionBlocksASpanLikeShareOfItsStrikeAndTooManyAreRefused() {
    Trader trader = Trader.register(api);
    JsonObject chain = chain(trader, "underlying=NIFTY");
    JsonObject strike = chain.getJsonArray("strikes").getValuesAs(JsonObject.class).get(6);
    String call = strike.getJsonObject("call").getString("symbol");
    java.util.function.IntFunction<Api.Reply> sell =
        quantity ->
            trader
                .browser
                .fresh()
                .post(
                    "/api/v1/orders",
                    Api.json(
                        "account",
                        "PAPER1",
                        "exchange",
                        "NFO",
                        "symbol",
                        call,
                        "side",
                        "SELL",
                        "quantity",
                        quantity,
                        "orderType",
                        "MARKET",
                        "productType",
                        "NORMAL"),
                    "X-API-Key",
                    trader.firstKey);
    Api.Reply written = sell.apply(75);
    assertEquals(201, written.status(), written.toString());
    JsonObject margins = BrokerKit.get(trader, "/api/v1/margins?account=PAPER1").json();
    BigDecimal expected =
        number(strike, "strike").multiply(new BigDecimal("0.12")).multiply(new BigDecimal(75));
    assertEquals(0, expected.compareTo(number(margins, "utilisedMargin")), margins.toString());

    // Two orders of 24 lots (the freeze quantity) more block 12% of 3,675 × the strike: more than
    // the crore of capital, so the second is refused.
    Api.Reply more = sell.apply(1800);
    assertEquals(201, more.status(), more.toString());
    Api.Reply tooMany = sell.apply(1800);
    assertEquals(422, tooMany.status(), tooMany.toString());
    assertTrue(tooMany.json().getString("detail").contains("margin"), tooMany.toString());
  }

  @Test
  void aChainThatCannotBeFoundSaysWhatIsListedAndAnExpiredOptionIsRefused() {
    Trader trader = Trader.register(api);
    Api.Reply missing =
        trader.browser.fresh().get("/api/v1/option-chain", "X-API-Key", trader.firstKey);
    assertEquals(400, missing.status(), missing.toString());
    assertTrue(missing.body().contains("underlying"), missing.toString());
    Api.Reply unknown =
        trader
            .browser
            .fresh()
            .get("/api/v1/option-chain?underlying=SBIN", "X-API-Key", trader.firstKey);
    assertEquals(404, unknown.status(), unknown.toString());
    assertTrue(unknown.json().getString("detail").contains("BANKNIFTY, NIFTY"), unknown.toString());
    Api.Reply badDate =
        trader
            .browser
            .fresh()
            .get("/api/v1/option-chain?underlying=NIFTY&expiry=soon", "X-API-Key", trader.firstKey);
    assertEquals(400, badDate.status(), badDate.toString());
    Api.Reply notListed =
        trader
            .browser
            .fresh()
            .get(
                "/api/v1/option-chain?underlying=NIFTY&expiry=2020-01-07",
                "X-API-Key",
                trader.firstKey);
    assertEquals(404, notListed.status(), notListed.toString());
    assertTrue(notListed.json().getString("detail").contains("listed: "), notListed.toString());

    Api.Reply expired =
        trader
            .browser
            .fresh()
            .post(
                "/api/v1/orders",
                Api.json(
                    "account",
                    "PAPER1",
                    "exchange",
                    "NFO",
                    "symbol",
                    "NIFTY_07-JAN-2020_12000_CE",
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
    assertEquals(422, expired.status(), expired.toString());
    assertTrue(
        expired
            .json()
            .getString("detail")
            .startsWith("NIFTY_07-JAN-2020_12000_CE expired on 2020-01-07"),
        expired.toString());
  }
}
