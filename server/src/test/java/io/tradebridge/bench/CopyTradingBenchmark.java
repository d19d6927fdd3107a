package io.tradebridge.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tradebridge.e2e.Api;
import io.tradebridge.e2e.RunningServer;
import io.tradebridge.e2e.Trader;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Copy trading on the paper exchange (issue "Trading desks"): a master order copied to 50 children
 * — the time from the master's fill (a market order on paper fills as it is placed) to the last
 * child's placement; and the master's own order latency with a copy rule against an account with
 * none, the two taking turns so that whatever else this shared machine does falls on both alike.
 * Each round waits for the copies before the next, so both are measured with the copier idle.
 *
 * <p>Run: {@code mvn -q install -DskipTests && mvn -o verify -pl server -Pbenchmark
 * -Dit.test=CopyTradingBenchmark -Dsurefire.skip=true}
 */
class CopyTradingBenchmark {

  private static final int CHILDREN = 50;
  private static final int WARMUP = Integer.getInteger("bench.warmup", 20);
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 100);

  private static final String ORDER =
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
          2,
          "orderType",
          "MARKET",
          "productType",
          "INTRADAY");

  @Test
  void aMasterOrderReachesFiftyChildrenAndTheMasterDoesNotWaitForThem() throws Exception {
    try (RunningServer server =
        new RunningServer(
                RunningServer.newHome("bench-copy"), Map.of("TRADEBRIDGE_RATE_LIMITS", "off"))
            .start()) {
      Api api = new Api(server.baseUrl());
      Trader desk = Trader.register(api).login();
      Trader alone = Trader.register(api);
      JsonArrayBuilder children = Json.createArrayBuilder();
      for (int i = 1; i <= CHILDREN; i++) {
        Api.Reply made =
            desk.browser.post(
                "/api/v1/trading-accounts",
                Api.json(
                    "pseudoAccount", "KID" + i, "broker", "PAPER", "loginId", "k", "live", true));
        assertEquals(201, made.status(), made.toString());
        children.add(Json.createObjectBuilder().add("account", "KID" + i).add("multiplier", 1));
      }
      Api.Reply rule =
          desk.browser.post(
              "/api/v1/copy-rules",
              Json.createObjectBuilder()
                  .add("master", "PAPER1")
                  .add("children", children)
                  .build()
                  .toString());
      assertEquals(201, rule.status(), rule.toString());
      String ruleId = rule.json().getString("id");
      String lastChild = "KID" + CHILDREN;

      List<Double> withRule = new ArrayList<>();
      List<Double> withoutRule = new ArrayList<>();
      List<Double> toLastPlacement = new ArrayList<>();
      List<Double> toLastLogLine = new ArrayList<>();
      Api client = api.fresh();
      for (int round = 0; round < WARMUP + ROUNDS; round++) {
        boolean measured = round >= WARMUP;
        // Turn by turn, the account without a rule first on even rounds, second on odd ones.
        if (round % 2 == 0) {
          timed(client, alone.firstKey, measured ? withoutRule : null);
        }
        long started = System.nanoTime();
        Api.Reply master = client.post("/api/v1/orders", ORDER, "X-API-Key", desk.firstKey);
        double took = (System.nanoTime() - started) / 1e6;
        assertEquals(201, master.status(), master.toString());
        if (measured) {
          withRule.add(took);
        }
        if (round % 2 == 1) {
          timed(client, alone.firstKey, measured ? withoutRule : null);
        }
        String masterId = master.json().getString("orderId");
        Instant filled = Instant.parse(master.json().getString("createdAt"));
        JsonObject copy = awaitCopy(client, desk.firstKey, lastChild, masterId);
        Instant lastPlaced = Instant.parse(copy.getString("createdAt"));
        Instant lastLogged = lastLogLine(desk, ruleId, masterId);
        if (measured) {
          toLastPlacement.add(Duration.between(filled, lastPlaced).toNanos() / 1e6);
          toLastLogLine.add(Duration.between(filled, lastLogged).toNanos() / 1e6);
        }
      }
      System.out.println();
      System.out.printf(
          Locale.ROOT,
          "Copy trading, %d children × 1, %d rounds after %d warm-up, one server on embedded Derby;"
              + " %d cores, Java %s%n",
          CHILDREN,
          ROUNDS,
          WARMUP,
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"));
      System.out.println("| measure | p50 ms | p99 ms |");
      System.out.println("| --- | --- | --- |");
      row("master's fill → last child's order placed", toLastPlacement);
      row("master's fill → last child's copy committed and logged", toLastLogLine);
      row("master's order, its account with a copy rule (round trip)", withRule);
      row("an order, its account with no rule (round trip)", withoutRule);
      System.out.printf(
          Locale.ROOT,
          "master latency with a rule / without, ratio of medians: %.2f%n",
          percentile(withRule, 50) / percentile(withoutRule, 50));
    }
  }

  private static void timed(Api client, String key, List<Double> into) {
    long started = System.nanoTime();
    Api.Reply placed = client.post("/api/v1/orders", ORDER, "X-API-Key", key);
    double took = (System.nanoTime() - started) / 1e6;
    assertEquals(201, placed.status(), placed.toString());
    if (into != null) {
      into.add(took);
    }
  }

  /** The last child's copy of the master order, once it is in that child's book. */
  private static JsonObject awaitCopy(Api client, String key, String child, String masterId)
      throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < until) {
      for (JsonObject o :
          client
              .get("/api/v1/orders?account=" + child, "X-API-Key", key)
              .array()
              .getValuesAs(JsonObject.class)) {
        if (masterId.equals(o.getString("copiedFrom", null))) {
          return o;
        }
      }
      Thread.sleep(5);
    }
    throw new AssertionError("no copy of " + masterId + " on " + child + " within 30 s");
  }

  /** When the log's last line for the master order was written: every child's copy is logged. */
  private static Instant lastLogLine(Trader desk, String ruleId, String masterId)
      throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < until) {
      List<JsonObject> lines =
          desk
              .browser
              .get("/api/v1/copy-rules/" + ruleId + "/log?limit=" + CHILDREN)
              .array()
              .getValuesAs(JsonObject.class)
              .stream()
              .filter(l -> masterId.equals(l.getString("masterOrderId")))
              .toList();
      if (lines.size() == CHILDREN) {
        return lines.stream()
            .map(l -> Instant.parse(l.getString("time")))
            .max(Instant::compareTo)
            .orElseThrow();
      }
      Thread.sleep(5);
    }
    throw new AssertionError("the log has no " + CHILDREN + " lines for " + masterId);
  }

  private static void row(String what, List<Double> values) {
    System.out.printf(
        Locale.ROOT,
        "| %s | %.1f | %.1f |%n",
        what,
        percentile(values, 50),
        percentile(values, 99));
  }

  private static double percentile(List<Double> values, int p) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int at = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, at))];
  }
}
