package io.tradebridge.bench;

import io.tradebridge.e2e.Api;
import io.tradebridge.e2e.RunningServer;
import io.tradebridge.e2e.Trader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
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
        Map.of("TRADEBRIDGE_PAPER_SEED", "1")).start()) {
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        keys.add(Trader.register(new Api(server.baseUrl())).firstKey);
      }
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      URI staticFile = URI.create(server.baseUrl() + "/index.html");
      URI orders = URI.create(server.baseUrl() + "/api/v1/orders");

      run(http, keys, i -> HttpRequest.newBuilder(staticFile).GET().build(), 200, WARMUP);
      Result statics = run(http, keys, i -> HttpRequest.newBuilder(staticFile).GET().build(), 200, MEASURE);

      run(http, keys, i -> orderRequest(orders, keys, i), 201, WARMUP);
      Result placed = run(http, keys, i -> orderRequest(orders, keys, i), 201, MEASURE);

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
    int client = (int) (call % CLIENTS);
    boolean market = (call / CLIENTS) % 2 == 0;
    String body = market
        ? Api.json("account", "PAPER1", "exchange", "NSE", "symbol", "ITC", "side", "BUY", "quantity", 1,
            "orderType", "MARKET", "productType", "INTRADAY")
        : Api.json("account", "PAPER1", "exchange", "NSE", "symbol", "ITC", "side", "BUY", "quantity", 1,
            "orderType", "LIMIT", "price", new java.math.BigDecimal("390.00"), "productType", "INTRADAY");
    return HttpRequest.newBuilder(orders).header("Content-Type", "application/json").header("X-API-Key", keys.get(client))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  interface RequestFactory {
    HttpRequest make(long call);
  }

  private static Result run(HttpClient http, List<String> keys, RequestFactory factory, int expected, Duration duration)
      throws InterruptedException {
    long deadline = System.nanoTime() + duration.toNanos();
    List<long[]> latencies = new ArrayList<>();
    AtomicLong errors = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    long started = System.nanoTime();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      long[] mine = new long[200_000];
      latencies.add(mine);
      Thread t = new Thread(() -> {
        int n = 0;
        for (long call = client; System.nanoTime() < deadline && n < mine.length; call += CLIENTS) {
          long t0 = System.nanoTime();
          try {
            HttpResponse<String> r = http.send(factory.make(call), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
              errors.incrementAndGet();
            }
          } catch (Exception e) {
            errors.incrementAndGet();
          }
          mine[n++] = System.nanoTime() - t0;
        }
        mine[mine.length - 1] = n;
      });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    List<Long> all = new ArrayList<>();
    for (long[] l : latencies) {
      int n = (int) l[l.length - 1];
      for (int i = 0; i < n; i++) {
        all.add(l[i]);
      }
    }
    long[] sorted = all.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return new Result(sorted, seconds, errors.get());
  }

  private record Result(long[] sortedNanos, double seconds, long errors) {
    double perSecond() {
      return sortedNanos.length / seconds;
    }

    double percentile(int p) {
      return sortedNanos.length == 0 ? 0 : sortedNanos[Math.min(sortedNanos.length - 1,
          (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1)] / 1e6;
    }

    String row(String name) {
      return String.format(Locale.ROOT, "| %s | %.0f | %.1f | %.1f | %d |", name, perSecond(), percentile(50), percentile(99), errors);
    }
  }
}
