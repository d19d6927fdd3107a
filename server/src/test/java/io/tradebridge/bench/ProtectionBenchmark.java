package io.tradebridge.bench;

import io.tradebridge.access.entity.KeyEnvironment;
import io.tradebridge.apikeys.control.KeyFormat;
import io.tradebridge.e2e.Api;
import io.tradebridge.e2e.RunningServer;
import io.tradebridge.e2e.Trader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * What protection costs and what it protects against, in one run:
 *
 * <ol>
 *   <li>order latency from 32 clients on a server with the rate limiter and traffic log on (the
 *       defaults) against one with both off, in alternating rounds so that drift on this shared
 *       machine falls on both alike; the figure is the ratio of the medians of the rounds' p99s;
 *   <li>a real user's latency (a key checking itself every 50 ms from its own address) alone,
 *       during a flood of made-up well-formed keys from one address, and during the same flood
 *       spread over a new address per request (which the per-address throttle cannot catch).
 * </ol>
 *
 * <p>Run: {@code mvn -q install -DskipTests && mvn -o verify -pl server -Pbenchmark
 * -Dit.test=ProtectionBenchmark}
 */
class ProtectionBenchmark {

  private static final int CLIENTS = 32;

  /** Few enough clients that the server is not saturated and p99 is not lock waits. */
  private static final int LIGHT_CLIENTS = 4;

  private static final int ROUNDS = 5;
  private static final Duration ROUND = Duration.ofSeconds(8);
  private static final Duration FLOOD_PHASE = Duration.ofSeconds(10);
  private static final int FLOODERS = 16;

  @Test
  void orderLatencyWithProtectionOnAndOffAndARealUserDuringAFlood() throws Exception {
    // The limiter counts every request, but its limits sit above what the benchmark sends: since
    // the
    // server places well over 10 orders a second per trader, the defaults would answer most orders
    // 429
    // and the rounds would time refusals, not what checking costs.
    try (RunningServer on =
            new RunningServer(
                    RunningServer.newHome("bench-protection-on"),
                    Map.of(
                        "TRADEBRIDGE_PAPER_SEED",
                        "1",
                        "TRADEBRIDGE_TRUSTED_PROXIES",
                        "127.0.0.1",
                        "TRADEBRIDGE_RATE_ORDERS_PER_SECOND",
                        "1000000",
                        "TRADEBRIDGE_RATE_USER_PER_5_SECONDS",
                        "1000000000",
                        "TRADEBRIDGE_RATE_USER_PER_MINUTE",
                        "1000000000"))
                .start();
        RunningServer off =
            new RunningServer(
                    RunningServer.newHome("bench-protection-off"),
                    Map.of(
                        "TRADEBRIDGE_PAPER_SEED",
                        "1",
                        "TRADEBRIDGE_RATE_LIMITS",
                        "off",
                        "TRADEBRIDGE_TRAFFIC_LOG",
                        "off"))
                .start()) {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      List<String> onKeys = traders(on);
      List<String> offKeys = traders(off);
      URI onOrders = URI.create(on.baseUrl() + "/api/v1/orders");
      URI offOrders = URI.create(off.baseUrl() + "/api/v1/orders");
      Load.run(http, CLIENTS, i -> order(onOrders, onKeys, i), 201, Duration.ofSeconds(5));
      Load.run(http, CLIENTS, i -> order(offOrders, offKeys, i), 201, Duration.ofSeconds(5));

      Rounds busy = rounds(http, CLIENTS, onOrders, onKeys, offOrders, offKeys);
      Rounds light = rounds(http, LIGHT_CLIENTS, onOrders, onKeys, offOrders, offKeys);

      Trader realUser = Trader.register(new Api(on.baseUrl()));
      Load.Result alone = realUser(http, on, realUser.firstKey, null);
      Load.Result oneSource = realUser(http, on, realUser.firstKey, false);
      Load.Result spread = realUser(http, on, realUser.firstKey, true);

      System.out.println();
      for (Rounds r : List.of(busy, light)) {
        System.out.println();
        System.out.printf(
            Locale.ROOT,
            "%d clients placing orders, %d alternating rounds of %d s per server; %d cores, Java %s%n",
            r.clients,
            ROUNDS,
            ROUND.toSeconds(),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"));
        System.out.println(
            "| server | p99 ms per round | median p99 ms | median p50 ms | median orders/s | non-201 answers |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        System.out.println(
            row("rate limiter + traffic log on", r.p99On, r.p50On, r.rateOn, r.errorsOn));
        System.out.println(row("both off", r.p99Off, r.p50Off, r.rateOff, r.errorsOff));
        System.out.printf(
            Locale.ROOT,
            "median p99 on / off: %.3f (target at most 1.10); median p50 on / off: %.3f%n",
            median(r.p99On) / median(r.p99Off),
            median(r.p50On) / median(r.p50Off));
      }
      System.out.println();
      System.out.printf(
          Locale.ROOT,
          "a real user (GET /api/v1/ping every 50 ms from 198.51.100.10) during a flood of %d threads "
              + "sending made-up well-formed keys, %d s per phase%n",
          FLOODERS,
          FLOOD_PHASE.toSeconds());
      System.out.println(
          "| phase | real user p50 ms | p99 ms | real user errors | flood requests/s | flood answers 429 |");
      System.out.println("| --- | --- | --- | --- | --- | --- |");
      System.out.println(alone.floodRow("no flood"));
      System.out.println(oneSource.floodRow("flood from one address"));
      System.out.println(spread.floodRow("flood from a new address per request"));
    }
  }

  private static String row(
      String name, double[] p99, double[] p50, double[] rate, Map<Integer, Integer> errors) {
    StringBuilder rounds = new StringBuilder();
    for (double v : p99) {
      rounds.append(rounds.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", v));
    }
    return String.format(
        Locale.ROOT,
        "| %s | %s | %.1f | %.1f | %.0f | %s |",
        name,
        rounds,
        median(p99),
        median(p50),
        median(rate),
        errors.isEmpty() ? "none" : errors.toString());
  }

  private static final class Rounds {
    final int clients;
    final double[] p99On = new double[ROUNDS];
    final double[] p99Off = new double[ROUNDS];
    final double[] p50On = new double[ROUNDS];
    final double[] p50Off = new double[ROUNDS];
    final double[] rateOn = new double[ROUNDS];
    final double[] rateOff = new double[ROUNDS];
    final Map<Integer, Integer> errorsOn = new java.util.TreeMap<>();
    final Map<Integer, Integer> errorsOff = new java.util.TreeMap<>();

    Rounds(int clients) {
      this.clients = clients;
    }
  }

  /** Alternating rounds, so that drift on this shared machine falls on both servers alike. */
  private static Rounds rounds(
      HttpClient http,
      int clients,
      URI onOrders,
      List<String> onKeys,
      URI offOrders,
      List<String> offKeys)
      throws InterruptedException {
    Rounds r = new Rounds(clients);
    for (int round = 0; round < ROUNDS; round++) {
      boolean onFirst = round % 2 == 0;
      Load.Result a =
          Load.run(
              http,
              clients,
              i -> order(onFirst ? onOrders : offOrders, onFirst ? onKeys : offKeys, i),
              201,
              ROUND);
      Load.Result b =
          Load.run(
              http,
              clients,
              i -> order(onFirst ? offOrders : onOrders, onFirst ? offKeys : onKeys, i),
              201,
              ROUND);
      Load.Result with = onFirst ? a : b;
      Load.Result without = onFirst ? b : a;
      r.p99On[round] = with.percentile(99);
      r.p99Off[round] = without.percentile(99);
      r.p50On[round] = with.percentile(50);
      r.p50Off[round] = without.percentile(50);
      r.rateOn[round] = with.perSecond();
      r.rateOff[round] = without.perSecond();
      with.statuses().forEach((k, v) -> r.errorsOn.merge(k, v, Integer::sum));
      without.statuses().forEach((k, v) -> r.errorsOff.merge(k, v, Integer::sum));
    }
    return r;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static List<String> traders(RunningServer server) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      keys.add(Trader.register(new Api(server.baseUrl())).firstKey);
    }
    return keys;
  }

  private static HttpRequest order(URI orders, List<String> keys, long call) {
    return BenchOrders.marketOrResting(orders, keys, call);
  }

  /**
   * @param spread null: no flood; false: flood from loopback; true: a new forwarded address per
   *     request
   */
  private static Load.Result realUser(
      HttpClient http, RunningServer server, String key, Boolean spread)
      throws InterruptedException {
    URI ping = URI.create(server.baseUrl() + "/api/v1/ping");
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong floodRequests = new AtomicLong();
    AtomicLong flood429 = new AtomicLong();
    List<Thread> flooders = new ArrayList<>();
    if (spread != null) {
      for (int f = 0; f < FLOODERS; f++) {
        int seed = f;
        Thread t =
            new Thread(
                () -> {
                  SecureRandom random = new SecureRandom();
                  long n = 0;
                  while (!stop.get()) {
                    HttpRequest.Builder r =
                        HttpRequest.newBuilder(ping)
                            .header("X-API-Key", KeyFormat.generate(KeyEnvironment.LIVE, random));
                    if (spread) {
                      n++;
                      r.header(
                          "X-Forwarded-For",
                          "10." + seed + "." + (n / 250 % 250) + "." + (n % 250 + 1));
                    }
                    try {
                      int status =
                          http.send(r.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                      floodRequests.incrementAndGet();
                      if (status == 429) {
                        flood429.incrementAndGet();
                      }
                    } catch (Exception ignored) {
                      floodRequests.incrementAndGet();
                    }
                  }
                });
        t.setDaemon(true);
        flooders.add(t);
        t.start();
      }
      Thread.sleep(2000);
    }
    long floodStart = floodRequests.get();
    long flood429Start = flood429.get();
    long started = System.nanoTime();
    List<Long> latencies = new ArrayList<>();
    long errors = 0;
    Map<Integer, Integer> failures = new java.util.TreeMap<>();
    long deadline = started + FLOOD_PHASE.toNanos();
    while (System.nanoTime() < deadline) {
      long t0 = System.nanoTime();
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(ping)
                    .header("X-API-Key", key)
                    .header("X-Forwarded-For", "198.51.100.10")
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != 200) {
          errors++;
          failures.merge(r.statusCode(), 1, Integer::sum);
        }
      } catch (Exception e) {
        errors++;
        failures.merge(-1, 1, Integer::sum);
      }
      long took = System.nanoTime() - t0;
      latencies.add(took);
      long pause = 50_000_000 - took;
      if (pause > 0) {
        Thread.sleep(pause / 1_000_000);
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    long floodDone = floodRequests.get() - floodStart;
    long flood429s = flood429.get() - flood429Start;
    stop.set(true);
    for (Thread t : flooders) {
      t.join(10_000);
    }
    long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return new Load.Result(sorted, seconds, errors, floodDone / seconds, flood429s, failures);
  }
}
