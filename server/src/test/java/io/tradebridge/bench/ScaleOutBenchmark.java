package io.tradebridge.bench;

import io.tradebridge.e2e.Api;
import io.tradebridge.e2e.Nginx;
import io.tradebridge.e2e.Postgres;
import io.tradebridge.e2e.RunningServer;
import io.tradebridge.e2e.Trader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Orders on PostgreSQL (issue 19): one server on PostgreSQL against the same server's static file,
 * as the Derby benchmark measures it; then two servers behind nginx against one server behind the
 * same nginx, in alternating rounds. On this 2-core machine the servers, PostgreSQL, nginx and the
 * client share the CPUs, so the second figure shows contention, not scaling: it must not fall below
 * 0.9.
 *
 * <p>Run: {@code mvn -q install -DskipTests && mvn -o verify -pl server -Pbenchmark
 * -Dit.test=ScaleOutBenchmark}; {@code -Dbench.rounds=N} (default 6, the last 3 measured), {@code
 * -Dbench.pgurl=?reWriteBatchedInserts=true} appends to the JDBC URL.
 */
class ScaleOutBenchmark {

  private static final int CLIENTS = 32;
  private static final int ROUNDS = Math.max(Integer.getInteger("bench.rounds", 6), 3);
  private static final int MEASURED = 3;
  private static final Duration WARMUP = Duration.ofSeconds(20);
  private static final Duration SERVER_WARMUP =
      Duration.ofSeconds(Integer.getInteger("bench.serverWarmup", 90));
  private static final Duration ROUND = Duration.ofSeconds(8);

  @Test
  void ordersOnPostgresqlAndOnTwoServersBehindNginx() throws Exception {
    try (Postgres postgres = Postgres.start()) {
      Map<String, String> env = new HashMap<>(postgres.serverEnvironment());
      env.put("TRADEBRIDGE_DB_URL", postgres.jdbcUrl() + System.getProperty("bench.pgurl", ""));
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      env.put("TRADEBRIDGE_MASTER_KEY", Base64.getEncoder().encodeToString(key));
      env.put("TRADEBRIDGE_PAPER_SEED", "1");
      env.put("TRADEBRIDGE_RATE_LIMITS", "off");
      env.put("TRADEBRIDGE_TRUSTED_PROXIES", "127.0.0.1");
      try (RunningServer a = new RunningServer(RunningServer.newHome("bench-pg-a"), env).start();
          RunningServer b = new RunningServer(RunningServer.newHome("bench-pg-b"), env).start();
          Nginx toOne = Nginx.roundRobin(List.of(a.httpPort()));
          Nginx toTwo = Nginx.roundRobin(List.of(a.httpPort(), b.httpPort()));
          Nginx toTwoByKey = Nginx.byKey(List.of(a.httpPort(), b.httpPort()))) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
          keys.add(Trader.register(new Api(a.baseUrl())).firstKey);
        }
        HttpClient http =
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpRequest staticRequest =
            HttpRequest.newBuilder(URI.create(a.baseUrl() + "/index.html")).GET().build();
        Load.RequestFactory getStatic = i -> staticRequest;
        Load.RequestFactory ordersOnA = orders(a.baseUrl(), keys);
        Load.RequestFactory ordersOnOne = orders(toOne.baseUrl(), keys);
        Load.RequestFactory ordersOnTwo = orders(toTwo.baseUrl(), keys);
        Load.RequestFactory ordersOnTwoByKey = orders(toTwoByKey.baseUrl(), keys);

        Load.run(http, CLIENTS, getStatic, 200, WARMUP);
        // Both servers warmed alike, each on its own: the order path takes the C2 compiler minutes
        // on two cores, and a B that has served a fraction of A's orders spends the measured
        // rounds compiling (a first profile: B's CPU per order 1.8× A's, all of it in B alone).
        Load.run(http, CLIENTS, ordersOnA, 201, SERVER_WARMUP);
        Load.run(http, CLIENTS, orders(b.baseUrl(), keys), 201, SERVER_WARMUP);
        Load.run(http, CLIENTS, ordersOnTwo, 201, WARMUP);
        List<Load.Result> statics = new ArrayList<>();
        List<Load.Result> direct = new ArrayList<>();
        List<Load.Result> one = new ArrayList<>();
        List<Load.Result> two = new ArrayList<>();
        List<Load.Result> twoByKey = new ArrayList<>();
        // Where the database sessions wait, one server against two (the last rounds only).
        PgWaits waitsOne = PgWaits.start(postgres.jdbcUrl(), Postgres.USER, Postgres.PASSWORD);
        PgWaits waitsTwo = PgWaits.start(postgres.jdbcUrl(), Postgres.USER, Postgres.PASSWORD);
        CpuSplit cpuOne = new CpuSplit(a, b);
        CpuSplit cpuTwo = new CpuSplit(a, b);
        CpuSplit cpuByKey = new CpuSplit(a, b);
        for (int round = 0; round < ROUNDS; round++) {
          boolean sampled = round >= ROUNDS - MEASURED;
          statics.add(Load.run(http, CLIENTS, getStatic, 200, ROUND));
          direct.add(Load.run(http, CLIENTS, ordersOnA, 201, ROUND));
          one.add(
              sampled
                  ? cpuOne.during(
                      () -> waitsOne.during(() -> Load.run(http, CLIENTS, ordersOnOne, 201, ROUND)))
                  : Load.run(http, CLIENTS, ordersOnOne, 201, ROUND));
          two.add(
              sampled
                  ? cpuTwo.during(
                      () -> waitsTwo.during(() -> Load.run(http, CLIENTS, ordersOnTwo, 201, ROUND)))
                  : Load.run(http, CLIENTS, ordersOnTwo, 201, ROUND));
          twoByKey.add(
              sampled
                  ? cpuByKey.during(() -> Load.run(http, CLIENTS, ordersOnTwoByKey, 201, ROUND))
                  : Load.run(http, CLIENTS, ordersOnTwoByKey, 201, ROUND));
        }
        String oneWaits = waitsOne.summary(8);
        String twoWaits = waitsTwo.summary(8);
        waitsOne.close();
        waitsTwo.close();

        System.out.println();
        System.out.printf(
            Locale.ROOT,
            "PostgreSQL %s; %d clients over HTTP/1.1, a connection each; %d rounds of %d s each, the"
                + " last %d measured; %d cores, Java %s%n",
            postgres.psql("SHOW server_version"),
            CLIENTS,
            ROUNDS,
            ROUND.toSeconds(),
            MEASURED,
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"));
        System.out.println(
            "| round | static req/s | orders/s on A | p50 / p99 ms | ratio to static |"
                + " orders/s nginx → A | orders/s nginx → A+B | p50 / p99 ms | two / one |"
                + " orders/s nginx → A+B by key | p50 / p99 ms | by key / one | errors |");
        System.out.println(
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        double[] staticRatios = new double[MEASURED];
        double[] scaleRatios = new double[MEASURED];
        double[] byKeyRatios = new double[MEASURED];
        for (int round = 0; round < ROUNDS; round++) {
          Load.Result s = statics.get(round);
          Load.Result d = direct.get(round);
          Load.Result o = one.get(round);
          Load.Result t = two.get(round);
          Load.Result k = twoByKey.get(round);
          int measured = round - (ROUNDS - MEASURED);
          if (measured >= 0) {
            staticRatios[measured] = d.perSecond() / s.perSecond();
            scaleRatios[measured] = t.perSecond() / o.perSecond();
            byKeyRatios[measured] = k.perSecond() / o.perSecond();
          }
          System.out.printf(
              Locale.ROOT,
              "| %s | %.0f | %.0f | %.1f / %.1f | %.3f | %.0f | %.0f | %.1f / %.1f | %.2f | %.0f |"
                  + " %.1f / %.1f | %.2f | %d |%n",
              (round + 1) + (measured >= 0 ? "" : " (warming)"),
              s.perSecond(),
              d.perSecond(),
              d.percentile(50),
              d.percentile(99),
              d.perSecond() / s.perSecond(),
              o.perSecond(),
              t.perSecond(),
              t.percentile(50),
              t.percentile(99),
              t.perSecond() / o.perSecond(),
              k.perSecond(),
              k.percentile(50),
              k.percentile(99),
              k.perSecond() / o.perSecond(),
              s.errors() + d.errors() + o.errors() + t.errors() + k.errors());
        }
        Load.Result onA = merged(direct);
        Load.Result onTwo = merged(two);
        Load.Result onTwoByKey = merged(twoByKey);
        System.out.printf(
            Locale.ROOT,
            "last %d rounds: one server on PostgreSQL, median ratio orders/static %.3f, order p50 %.1f"
                + " ms, p99 %.1f ms; two servers behind nginx against one behind nginx: median %.2f×"
                + " (target at least 0.9), p50 %.1f ms, p99 %.1f ms; by key: median %.2f×, p50 %.1f"
                + " ms, p99 %.1f ms%n",
            MEASURED,
            median(staticRatios),
            onA.percentile(50),
            onA.percentile(99),
            median(scaleRatios),
            onTwo.percentile(50),
            onTwo.percentile(99),
            median(byKeyRatios),
            onTwoByKey.percentile(50),
            onTwoByKey.percentile(99));
        System.out.println(
            "database sessions at work per sample, by wait (one server behind nginx):\n"
                + oneWaits);
        System.out.println("the same, two servers round-robin:\n" + twoWaits);
        System.out.println("one server behind nginx: " + cpuOne.summary());
        System.out.println("two servers round-robin: " + cpuTwo.summary());
        System.out.println("two servers by key:      " + cpuByKey.summary());
      }
    }
  }

  private static Load.RequestFactory orders(String base, List<String> keys) {
    URI orders = URI.create(base + "/api/v1/orders");
    return i -> BenchOrders.marketOrResting(orders, keys, i);
  }

  private static Load.Result merged(List<Load.Result> results) {
    return Load.Result.merged(results.subList(ROUNDS - MEASURED, ROUNDS));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
