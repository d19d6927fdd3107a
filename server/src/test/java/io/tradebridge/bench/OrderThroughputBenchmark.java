package io.tradebridge.bench;

import io.tradebridge.e2e.Api;
import io.tradebridge.e2e.RunningServer;
import io.tradebridge.e2e.Trader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Orders per second over HTTP against the runnable server, from 32 concurrent clients (each its own
 * trader and key), half MARKET orders that fill at once and half LIMIT orders that rest; and, in the
 * same run against the same server, the throughput of a small static file as the yardstick.
 *
 * <p>Both loads are warmed up first (the order path runs through far more code than a static file, and
 * a profile of a 5-second warm-up found the JIT compilers using as much CPU as the request threads
 * while orders were measured). Then they alternate, {@value #ROUNDS} rounds of each, so that a slow
 * spell of this shared machine hits both: the figure is the median of the rounds' ratios.
 *
 * <p>Run: {@code mvn -q install -DskipTests && mvn -o verify -pl server -Pbenchmark -Dit.test=OrderThroughputBenchmark}
 */
class OrderThroughputBenchmark {

  private static final int CLIENTS = 32;
  private static final int ROUNDS = 3;
  private static final Duration STATIC_WARMUP = Duration.ofSeconds(10);
  private static final Duration ORDER_WARMUP = Duration.ofSeconds(20);
  private static final Duration ROUND = Duration.ofSeconds(8);
  /**
   * HTTP/1.1 by default: 32 traders are 32 programs, each on its own connection. {@code -Dbench.http=2}
   * multiplexes every client over one HTTP/2 connection instead (java.net.http's default for
   * {@code http://}), where Liberty's per-connection write path caps the static file near 2,500/s.
   */
  private static final HttpClient.Version VERSION =
      "2".equals(System.getProperty("bench.http")) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1;

  @Test
  void ordersPerSecondAgainstStaticFilesPerSecond() throws Exception {
    try (RunningServer server = new RunningServer(RunningServer.newHome("bench-orders"),
        // Rate limits lifted (issue 3 allows it): 32 keys at full speed would otherwise measure the limiter.
        Map.of("TRADEBRIDGE_PAPER_SEED", "1", "TRADEBRIDGE_RATE_LIMITS", "off")).start()) {
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        keys.add(Trader.register(new Api(server.baseUrl())).firstKey);
      }
      HttpClient http = HttpClient.newBuilder().version(VERSION).connectTimeout(Duration.ofSeconds(5)).build();
      URI staticFile = URI.create(server.baseUrl() + "/index.html");
      URI orders = URI.create(server.baseUrl() + "/api/v1/orders");
      Load.RequestFactory getStatic = i -> HttpRequest.newBuilder(staticFile).GET().build();
      Load.RequestFactory placeOrder = i -> BenchOrders.marketOrResting(orders, keys, i);

      run(http, getStatic, 200, STATIC_WARMUP);
      run(http, placeOrder, 201, ORDER_WARMUP);
      List<Load.Result> statics = new ArrayList<>();
      List<Load.Result> placed = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        statics.add(run(http, getStatic, 200, ROUND));
        placed.add(run(http, placeOrder, 201, ROUND));
      }

      System.out.println();
      System.out.printf(Locale.ROOT, "%d clients over %s; warm-up %d s static, %d s orders; then %d rounds of %d s static +"
              + " %d s orders; %d cores, Java %s%n", CLIENTS, VERSION == HttpClient.Version.HTTP_2 ? "one HTTP/2 connection"
              : "HTTP/1.1, a connection each", STATIC_WARMUP.toSeconds(), ORDER_WARMUP.toSeconds(), ROUNDS,
          ROUND.toSeconds(), ROUND.toSeconds(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
      System.out.println("| round | static req/s | static p99 ms | orders/s | order p50 ms | order p99 ms | errors | ratio |");
      System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
      double[] ratios = new double[ROUNDS];
      for (int round = 0; round < ROUNDS; round++) {
        Load.Result s = statics.get(round);
        Load.Result o = placed.get(round);
        ratios[round] = o.perSecond() / s.perSecond();
        System.out.printf(Locale.ROOT, "| %d | %.0f | %.1f | %.0f | %.1f | %.1f | %d | %.3f |%n", round + 1, s.perSecond(),
            s.percentile(99), o.perSecond(), o.percentile(50), o.percentile(99), s.errors() + o.errors(), ratios[round]);
      }
      Load.Result allOrders = Load.Result.merged(placed);
      System.out.printf(Locale.ROOT, "median ratio orders/static: %.3f (target at least 0.25); order p50 %.1f ms, p99 %.1f ms over"
          + " all rounds (target at most 50)%n", median(ratios), allOrders.percentile(50), allOrders.percentile(99));
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static Load.Result run(HttpClient http, Load.RequestFactory factory, int expected, Duration duration)
      throws InterruptedException {
    return Load.run(http, CLIENTS, factory, expected, duration);
  }
}
