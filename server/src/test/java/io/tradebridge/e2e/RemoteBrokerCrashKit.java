package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The broker kit's restart scenario, which needs a server of its own to kill: kill -9 after an
 * order has reached the broker but before its answer was saved; after the restart the order is
 * settled by looking it up under its tag, and the broker holds it exactly once (API.md, "Real
 * brokers"). A subclass starts its broker's stand-in and says how to drive it.
 */
abstract class RemoteBrokerCrashKit {

  /** The environment that points a server at the stand-in. */
  protected abstract Map<String, String> env();

  /** The trader's pseudo account at this broker. */
  protected abstract String account();

  /** Adds the account at the broker to the trader and logs it in for today. */
  protected abstract void addAndLogIn(Api api, Trader trader);

  /** The broker's ids of the orders it holds. */
  protected abstract List<String> ordersAtBroker();

  /** The broker takes placements at once and answers this late. */
  protected abstract void slowPlacements(long millis);

  protected abstract List<String> violations();

  @Test
  void anOrderSentJustBeforeAKillIsSettledAfterTheRestartAndNeverSentTwice() throws Exception {
    Path home = RunningServer.newHome(account().toLowerCase() + "-crash");
    RunningServer server = new RunningServer(home, env()).start();
    Api api = new Api(server.baseUrl());
    Trader trader = Trader.register(api).login();
    addAndLogIn(api, trader);

    // The broker takes the order at once and answers late: the kill lands between the two.
    slowPlacements(30_000);
    Thread client =
        new Thread(
            () -> {
              try {
                new Api(server.baseUrl())
                    .post(
                        "/api/v1/orders",
                        Api.json(
                            "account",
                            account(),
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
            "crash-order-client");
    client.start();
    Instant sent = Instant.now().plusSeconds(20);
    while (ordersAtBroker().isEmpty() && Instant.now().isBefore(sent)) {
      Thread.sleep(50);
    }
    assertEquals(1, ordersAtBroker().size(), "the order reached the broker");
    server.kill();
    client.join();
    slowPlacements(0);

    try (RunningServer again = new RunningServer(home, env()).start()) {
      Api after = new Api(again.baseUrl());
      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      JsonObject order = null;
      while (Instant.now().isBefore(deadline)) {
        List<JsonObject> orders =
            after
                .get("/api/v1/orders?account=" + account(), "X-API-Key", trader.firstKey)
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
      assertEquals(ordersAtBroker().get(0), order.getString("brokerOrderId"));
      assertEquals(1, ordersAtBroker().size(), "never sent a second time");
      assertTrue(violations().isEmpty(), violations().toString());
    }
  }
}
