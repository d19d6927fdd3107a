package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the server while a client places 1,000 orders with client order ids; after a restart
 * the client resends every order it got no answer for. Every acknowledged order must be there
 * exactly once, with the id it was acknowledged with, and nothing may be duplicated. The account is
 * a copy-trading master, so copies are under way when the server dies: after the restart its child
 * has exactly one copy of each of the 1,000 orders.
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
    Trader trader = Trader.register(new Api(server.baseUrl())).login();
    Api.Reply child =
        trader.browser.post(
            "/api/v1/trading-accounts",
            Api.json("pseudoAccount", "KID1", "broker", "PAPER", "loginId", "k", "live", true));
    assertEquals(201, child.status(), child.toString());
    Api.Reply rule =
        trader.browser.post(
            "/api/v1/copy-rules",
            "{\"master\":\"PAPER1\",\"children\":[{\"account\":\"KID1\",\"multiplier\":1}]}");
    assertEquals(201, rule.status(), rule.toString());

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
          api.get("/api/v1/orders?account=PAPER1", "X-API-Key", trader.firstKey)
              .array()
              .getValuesAs(JsonObject.class);
      assertEquals(ORDERS, orders.size(), "each order exactly once");
      assertEquals(
          ORDERS, orders.stream().map(o -> o.getString("clientOrderId")).distinct().count());

      List<JsonObject> copies = List.of();
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (System.nanoTime() < until && copies.size() < ORDERS) {
        Thread.sleep(500);
        copies =
            api.get("/api/v1/orders?account=KID1", "X-API-Key", trader.firstKey)
                .array()
                .getValuesAs(JsonObject.class);
      }
      Thread.sleep(2000); // a copy made twice would show now
      copies =
          api.get("/api/v1/orders?account=KID1", "X-API-Key", trader.firstKey)
              .array()
              .getValuesAs(JsonObject.class);
      assertEquals(ORDERS, copies.size(), "one copy of each master order");
      Set<String> masters = new HashSet<>();
      orders.forEach(o -> masters.add(o.getString("orderId")));
      Set<String> copied = new HashSet<>();
      copies.forEach(c -> copied.add(c.getString("copiedFrom")));
      assertEquals(masters, copied, "each copy names its own master order");
    }
  }
}
