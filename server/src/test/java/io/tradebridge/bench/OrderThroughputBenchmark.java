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
 * trader and key), half MARKET orders that fill at once and half LIMIT orders that rest; and, in
 * the same run against the same server, the throughput of a small static file as the yardstick.
 *
 * <p>The loads alternate in rounds, so that a slow spell of this shared machine hits both, and the
 * figures are those of the server once it has settled: the median ratio of the last {@value
 * #MEASURED} rounds, and the order latencies over them. The rounds before are printed too, marked
 * as warming. The order path runs through far more code than a static file, and the JIT compilers
 * take minutes to compile it on two cores: with every change in place, the CPU an order costs the
 * server still fell round by round for about two minutes of order load, while the static file's
 * settled within a minute.
 *
 * <p>Run: {@code mvn -q install -DskipTests && mvn -o verify -pl server -Pbenchmark
 * -Dit.test=OrderThroughputBenchmark}
 */
class OrderThroughputBenchmark {

  private static final int CLIENTS = 32;

  /** All rounds; {@code -Dbench.rounds=N} for more or fewer (at least {@value #MEASURED}). */
  private static final int ROUNDS = Math.max(Integer.getInteger("bench.rounds", 10), 3);

  /** The last rounds, those the figures come from. */
  private static final int MEASURED = 3;

  private static final Duration STATIC_WARMUP = Duration.ofSeconds(10);
  private static final Duration ORDER_WARMUP = Duration.ofSeconds(20);
  private static final Duration ROUND = Duration.ofSeconds(8);

  /**
   * HTTP/1.1 by default: 32 traders are 32 programs, each on its own connection. {@code
   * -Dbench.http=2} multiplexes every client over one HTTP/2 connection instead (java.net.http's
   * default for {@code http://}), where Liberty's per-connection write path caps the static file
   * near 2,500/s.
   */
  private static final HttpClient.Version VERSION =
      "2".equals(System.getProperty("bench.http"))
          ? HttpClient.Version.HTTP_2
          : HttpClient.Version.HTTP_1_1;

  @Test
  void ordersPerSecondAgainstStaticFilesPerSecond() throws Exception {
    try (RunningServer server =
        new RunningServer(
                RunningServer.newHome("bench-orders"),
                // Rate limits lifted (issue 3 allows it): 32 keys at full speed would otherwise
                // measure the limiter.
                Map.of("TRADEBRIDGE_PAPER_SEED", "1", "TRADEBRIDGE_RATE_LIMITS", "off"))
            .start()) {
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        keys.add(Trader.register(new Api(server.baseUrl())).firstKey);
      }
      HttpClient http =
          HttpClient.newBuilder().version(VERSION).connectTimeout(Duration.ofSeconds(5)).build();
      URI staticFile = URI.create(server.baseUrl() + "/index.html");
      URI orders = URI.create(server.baseUrl() + "/api/v1/orders");
      HttpRequest staticRequest = HttpRequest.newBuilder(staticFile).GET().build();
      Load.RequestFactory getStatic = i -> staticRequest;
      Load.RequestFactory placeOrder = i -> BenchOrders.marketOrResting(orders, keys, i);

      run(server, http, getStatic, 200, STATIC_WARMUP);
      run(server, http, placeOrder, 201, ORDER_WARMUP);
      List<Measured> statics = new ArrayList<>();
      List<Measured> placed = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        statics.add(run(server, http, getStatic, 200, ROUND));
        placed.add(run(server, http, placeOrder, 201, ROUND));
      }

      System.out.println();
      System.out.printf(
          Locale.ROOT,
          "%d clients over %s; warm-up %d s static, %d s orders; then %d rounds of %d s static +"
              + " %d s orders, the last %d measured; %d cores, Java %s%n",
          CLIENTS,
          VERSION == HttpClient.Version.HTTP_2
              ? "one HTTP/2 connection"
              : "HTTP/1.1, a connection each",
          STATIC_WARMUP.toSeconds(),
          ORDER_WARMUP.toSeconds(),
          ROUNDS,
          ROUND.toSeconds(),
          ROUND.toSeconds(),
          MEASURED,
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"));
      System.out.println(
          "| round | static req/s | static p99 ms | orders/s | order p50 ms | order p99 ms | errors | ratio |"
              + " server CPU µs per static / order | client CPU µs per static / order |");
      System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
      double[] ratios = new double[MEASURED];
      double[] serverCost = new double[MEASURED];
      for (int round = 0; round < ROUNDS; round++) {
        Measured s = statics.get(round);
        Measured o = placed.get(round);
        double ratio = o.load().perSecond() / s.load().perSecond();
        int measured = round - (ROUNDS - MEASURED);
        if (measured >= 0) {
          ratios[measured] = ratio;
          serverCost[measured] = o.serverMicros() / s.serverMicros();
        }
        System.out.printf(
            Locale.ROOT,
            "| %s | %.0f | %.1f | %.0f | %.1f | %.1f | %d | %.3f | %.0f / %.0f | %.0f / %.0f |%n",
            (round + 1) + (measured >= 0 ? "" : " (warming)"),
            s.load().perSecond(),
            s.load().percentile(99),
            o.load().perSecond(),
            o.load().percentile(50),
            o.load().percentile(99),
            s.load().errors() + o.load().errors(),
            ratio,
            s.serverMicros(),
            o.serverMicros(),
            s.clientMicros(),
            o.clientMicros());
      }
      Load.Result measuredOrders =
          Load.Result.merged(
              placed.subList(ROUNDS - MEASURED, ROUNDS).stream().map(Measured::load).toList());
      System.out.printf(
          Locale.ROOT,
          "last %d rounds: median ratio orders/static %.3f (target at least 0.25); order p50 %.1f ms,"
              + " p99 %.1f ms (target at most 50); an order costs the server %.1f× the CPU of a static file (median)%n",
          MEASURED,
          median(ratios),
          measuredOrders.percentile(50),
          measuredOrders.percentile(99),
          median(serverCost));
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /**
   * A load's result with the CPU time per request it cost the server (every process of it) and this
   * client: on a shared 2-core machine a rate moves with the neighbours' load, CPU per request much
   * less.
   */
  private record Measured(Load.Result load, double serverMicros, double clientMicros) {}

  private static Measured run(
      RunningServer server,
      HttpClient http,
      Load.RequestFactory factory,
      int expected,
      Duration duration)
      throws InterruptedException {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    Duration serverBefore = server.cpuTime();
    long clientBefore = os.getProcessCpuTime();
    Load.Result load = Load.run(http, CLIENTS, factory, expected, duration);
    double requests = Math.max(1, load.sortedNanos().length);
    return new Measured(
        load,
        server.cpuTime().minus(serverBefore).toNanos() / 1e3 / requests,
        (os.getProcessCpuTime() - clientBefore) / 1e3 / requests);
  }
}
