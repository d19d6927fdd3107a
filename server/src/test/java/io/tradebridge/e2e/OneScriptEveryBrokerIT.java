package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The promise of pseudo accounts: a trader's script trades through the paper exchange, Kite and
 * Upstox by changing only the account's name — same key, same body, same answers' shape.
 */
@ExtendWith(SharedServer.class)
class OneScriptEveryBrokerIT {

  @Test
  void theSameOrderGoesToPaperKiteAndUpstoxByChangingOnlyTheAccount(
      Api api, KiteStandIn kite, UpstoxStandIn upstox) {
    Trader trader = Trader.register(api).login();
    KiteIT.KiteTrader atKite = KiteIT.loggedIn(kite, KiteIT.kiteAccount(api, kite, trader));
    UpstoxIT.UpstoxTrader atUpstox =
        UpstoxIT.loggedIn(upstox, UpstoxIT.upstoxAccount(api, upstox, trader));

    for (String account : List.of("PAPER1", "KITE1", "UPSTOX1")) {
      Api.Reply placed =
          api.fresh()
              .post(
                  "/api/v1/orders",
                  Api.json(
                      "account",
                      account,
                      "exchange",
                      "NSE",
                      "symbol",
                      "SBIN",
                      "side",
                      "BUY",
                      "quantity",
                      3,
                      "orderType",
                      "MARKET",
                      "productType",
                      "INTRADAY",
                      "clientOrderId",
                      "script-1-" + account),
                  "X-API-Key",
                  trader.firstKey);
      assertEquals(201, placed.status(), account + ": " + placed);
      assertEquals(account, placed.json().getString("account"));
      assertEquals(3, placed.json().getInt("quantity"));
    }

    List<JsonObject> orders =
        api.fresh()
            .get("/api/v1/orders", "X-API-Key", trader.firstKey)
            .array()
            .getValuesAs(JsonObject.class);
    assertEquals(3, orders.size(), orders.toString());
    assertEquals(
        1,
        kite.orders().stream().filter(o -> o.apiKey.equals(atKite.app().apiKey())).count(),
        "one order at Kite");
    assertEquals(1, upstox.ordersOf(atUpstox.app()).size(), "one order at Upstox");
    assertEquals(
        "MARKET",
        kite.orders().stream()
            .filter(o -> o.apiKey.equals(atKite.app().apiKey()))
            .findFirst()
            .orElseThrow()
            .form()
            .get("order_type"));
    assertEquals("MARKET", upstox.ordersOf(atUpstox.app()).get(0).text("order_type"));
    assertEquals(List.of(), kite.violations());
    assertEquals(List.of(), upstox.violations());
  }
}
