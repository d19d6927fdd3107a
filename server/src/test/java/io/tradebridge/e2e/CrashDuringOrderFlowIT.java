package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the server while a client places 1,000 orders with client order ids; after a restart
 * the client resends every order it got no answer for. Every acknowledged order must be there
 * exactly once, with the id it was acknowledged with, and nothing may be duplicated.
 */
class CrashDuringOrderFlowIT {

  private static final int ORDERS = 1_000;
  private static final int KILL_AFTER_ACKS = 300;
  private static final String[] SYMBOLS = {"SBIN", "ITC", "NTPC", "ONGC", "WIPRO"};

  private static String order(int i) {
    return Api.json(
        "account",
        "PAPER1",
        "exchange",
        "NSE",
        "symbol",
        SYMBOLS[i % SYMBOLS.length],
        "side",
        i % 2 == 0 ? "BUY" : "SELL",
        "quantity",
        1 + i % 3,
        "orderType",
        "MARKET",
        "productType",
        "INTRADAY",
        "clientOrderId",
        "crash-test-" + i);
  }

  private static final Map<String, String> NO_LIMITS = Map.of("TRADEBRIDGE_RATE_LIMITS", "off");

  @Test
  void everyAcknowledgedOrderIsThereExactlyOnceAfterACrashAndRetries() throws Exception {
    Path home = RunningServer.newHome("crash");
    // Rate limits lifted, as for a bulk load: this test is about durability, not pacing.
    RunningServer server = new RunningServer(home, NO_LIMITS).start();
    Trader trader = Trader.register(new Api(server.baseUrl()));

    Map<Integer, String> acknowledged = new LinkedHashMap<>();
    CountDownLatch enoughAcks = new CountDownLatch(KILL_AFTER_ACKS);
    AtomicBoolean crashed = new AtomicBoolean();
    String base = server.baseUrl();
    Thread client =
        new Thread(
            () -> {
              Api api = new Api(base);
              for (int i = 0; i < ORDERS && !crashed.get(); i++) {
                try {
                  Api.Reply reply =
                      api.post("/api/v1/orders", order(i), "X-API-Key", trader.firstKey);
                  if (reply.status() == 201) {
                    synchronized (acknowledged) {
                      acknowledged.put(i, reply.json().getString("orderId"));
                    }
                    enoughAcks.countDown();
                  }
                } catch (UncheckedIOException connectionLost) {
                  crashed.set(true);
                }
              }
            },
            "order-client");
    client.start();
    enoughAcks.await();
    server.kill();
    client.join();

    try (RunningServer again = new RunningServer(home, NO_LIMITS).start()) {
      Api api = new Api(again.baseUrl());
      Map<Integer, String> acked;
      synchronized (acknowledged) {
        acked = new HashMap<>(acknowledged);
      }
      assertTrue(
          acked.size() >= KILL_AFTER_ACKS && acked.size() < ORDERS,
          "killed mid-flow after " + acked.size());
      for (int i = 0; i < ORDERS; i++) {
        Api.Reply reply = api.post("/api/v1/orders", order(i), "X-API-Key", trader.firstKey);
        assertEquals(201, reply.status(), "order " + i + ": " + reply);
        String orderId = reply.json().getString("orderId");
        if (acked.containsKey(i)) {
          assertEquals(acked.get(i), orderId, "order " + i + " was acknowledged with another id");
        }
      }
      List<JsonObject> orders =
          api.get("/api/v1/orders", "X-API-Key", trader.firstKey)
              .array()
              .getValuesAs(JsonObject.class);
      assertEquals(ORDERS, orders.size(), "each order exactly once");
      assertEquals(
          ORDERS, orders.stream().map(o -> o.getString("clientOrderId")).distinct().count());
    }
  }
}
