package io.tradebridge.bench;

import io.tradebridge.e2e.Api;
import io.tradebridge.e2e.RunningServer;
import io.tradebridge.e2e.Trader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Orders per second over HTTP against the runnable server, from 32 concurrent clients (each its own
 * trader and key), half MARKET orders that fill at once and half LIMIT orders that rest; and, in the
 * same run against the same server, the throughput of a small static file as the yardstick.
 *
 * <p>Run: {@code mvn -q install -DskipTests && mvn -o verify -pl server -Pbenchmark}
 */
class OrderThroughputBenchmark {

  private static final int CLIENTS = 32;
  private static final Duration WARMUP = Duration.ofSeconds(5);
  private static final Duration MEASURE = Duration.ofSeconds(20);

  @Test
  void ordersPerSecondAgainstStaticFilesPerSecond() throws Exception {
    try (RunningServer server = new RunningServer(RunningServer.newHome("bench-orders"),
        // Rate limits lifted (issue 3 allows it): 32 keys at full speed would otherwise measure the limiter.
        Map.of("TRADEBRIDGE_PAPER_SEED", "1", "TRADEBRIDGE_RATE_LIMITS", "off")).start()) {
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        keys.add(Trader.register(new Api(server.baseUrl())).firstKey);
      }
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      URI staticFile = URI.create(server.baseUrl() + "/index.html");
      URI orders = URI.create(server.baseUrl() + "/api/v1/orders");

      run(http, keys, i -> HttpRequest.newBuilder(staticFile).GET().build(), 200, WARMUP);
      Load.Result statics = run(http, keys, i -> HttpRequest.newBuilder(staticFile).GET().build(), 200, MEASURE);

      run(http, keys, i -> orderRequest(orders, keys, i), 201, WARMUP);
      Load.Result placed = run(http, keys, i -> orderRequest(orders, keys, i), 201, MEASURE);

      System.out.println();
      System.out.printf(Locale.ROOT, "%d clients, %d s each, after %d s warm-up; %d cores, Java %s%n", CLIENTS,
          MEASURE.toSeconds(), WARMUP.toSeconds(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
      System.out.println("| load | requests/s | p50 ms | p99 ms | errors |");
      System.out.println("| --- | --- | --- | --- | --- |");
      System.out.println(statics.row("static file (index.html)"));
      System.out.println(placed.row("orders (half MARKET, half resting LIMIT)"));
      System.out.printf(Locale.ROOT, "order throughput / static throughput: %.3f (target at least 0.25); order p99 %.1f ms (target at most 50)%n",
          placed.perSecond() / statics.perSecond(), placed.percentile(99));
    }
  }

  /** Each client (index) trades its own key; even calls are MARKET, odd ones a LIMIT 5% under the market. */
  private static HttpRequest orderRequest(URI orders, List<String> keys, long call) {
    return BenchOrders.marketOrResting(orders, keys, call);
  }

  private static Load.Result run(HttpClient http, List<String> keys, Load.RequestFactory factory, int expected,
      Duration duration) throws InterruptedException {
    return Load.run(http, CLIENTS, factory, expected, duration);
  }
}
