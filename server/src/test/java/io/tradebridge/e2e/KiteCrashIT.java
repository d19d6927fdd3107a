package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the server after an order has reached Kite but before Kite's answer was saved: after
 * the restart the order is settled by looking it up at Kite under its tag, and Kite holds it
 * exactly once (API.md, "Real brokers").
 */
class KiteCrashIT {

  @Test
  void anOrderSentJustBeforeAKillIsSettledAfterTheRestartAndNeverSentTwice() throws Exception {
    try (KiteStandIn kite = KiteStandIn.start()) {
      Path home = RunningServer.newHome("kite-crash");
      Map<String, String> env =
          Map.of(
              "TRADEBRIDGE_KITE_API_URL", kite.apiUrl(),
              "TRADEBRIDGE_KITE_LOGIN_URL", kite.loginUrl());
      RunningServer server = new RunningServer(home, env).start();
      Api api = new Api(server.baseUrl());
      Trader trader = Trader.register(api).login();
      KiteStandIn.App app =
          kite.register(
              api.base() + "/api/v1/brokers/KITE/callback",
              api.base() + "/api/v1/brokers/KITE/postback");
      Api.Reply created =
          trader.browser.post(
              "/api/v1/trading-accounts",
              Api.json(
                  "pseudoAccount",
                  "KITE1",
                  "broker",
                  "KITE",
                  "loginId",
                  "AB1234",
                  "live",
                  true,
                  "credentials",
                  Json.createObjectBuilder()
                      .add("apiKey", app.apiKey())
                      .add("apiSecret", app.apiSecret())
                      .build(),
                  "password",
                  trader.password));
      assertEquals(201, created.status(), created.toString());
      Api.Reply start =
          trader.browser.post(
              "/api/v1/trading-accounts/" + created.json().getString("id") + "/broker-login", "");
      URI callback = kite.signIn(start.json().getString("loginUrl"));
      assertEquals(
          303, trader.browser.get(callback.getRawPath() + "?" + callback.getRawQuery()).status());

      // Kite takes the order at once and answers late: the kill lands between the two.
      kite.slowPlacements(30_000);
      Thread client =
          new Thread(
              () -> {
                try {
                  new Api(server.baseUrl())
                      .post(
                          "/api/v1/orders",
                          Api.json(
                              "account",
                              "KITE1",
                              "exchange",
                              "NSE",
                              "symbol",
                              "SBIN",
                              "side",
                              "BUY",
                              "quantity",
                              3,
                              "orderType",
                              "LIMIT",
                              "price",
                              new BigDecimal("470.00"),
                              "productType",
                              "INTRADAY"),
                          "X-API-Key",
                          trader.firstKey);
                } catch (RuntimeException connectionLost) {
                  // the server was killed under the request: expected
                }
              },
              "kite-order-client");
      client.start();
      Instant sent = Instant.now().plusSeconds(20);
      while (kite.orders().isEmpty() && Instant.now().isBefore(sent)) {
        Thread.sleep(50);
      }
      assertEquals(1, kite.orders().size(), "the order reached Kite");
      server.kill();
      client.join();
      kite.slowPlacements(0);

      try (RunningServer again = new RunningServer(home, env).start()) {
        Api after = new Api(again.baseUrl());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonObject order = null;
        while (Instant.now().isBefore(deadline)) {
          List<JsonObject> orders =
              after
                  .get("/api/v1/orders?account=KITE1", "X-API-Key", trader.firstKey)
                  .array()
                  .getValuesAs(JsonObject.class);
          assertEquals(1, orders.size(), "the order was written before it was sent");
          order = orders.get(0);
          if (!order.getString("status").equals("PENDING")) {
            break;
          }
          Thread.sleep(1_000);
        }
        assertEquals("OPEN", order.getString("status"), order.toString());
        assertEquals(kite.orders().get(0).orderId(), order.getString("brokerOrderId"));
        assertEquals(1, kite.orders().size(), "never sent a second time");
        assertTrue(kite.violations().isEmpty(), kite.violations().toString());
      }
    }
  }
}
