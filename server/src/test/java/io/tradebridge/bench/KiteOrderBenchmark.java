package io.tradebridge.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tradebridge.e2e.Api;
import io.tradebridge.e2e.KiteStandIn;
import io.tradebridge.e2e.RunningServer;
import io.tradebridge.e2e.Trader;
import jakarta.json.Json;
import java.math.BigDecimal;
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
 * Orders through the Kite adapter against the Kite stand-in answering every call in 50 ms, from 32
 * concurrent traders (each their own key and Kite account): orders per second, p50 and p99, and the
 * adapter's own share — the order's time less the time the stand-in took for the calls the order
 * made (its last price and its placement). Then a Kite slower than the time-out: no request may be
 * held much beyond the time-out (set to 1 s here, 7 s by default).
 *
 * <p>Run: {@code mvn -q install -DskipTests && mvn -o verify -pl server -Pbenchmark
 * -Dit.test=KiteOrderBenchmark}
 */
class KiteOrderBenchmark {

  private static final int CLIENTS = 32;
  // The order path keeps being compiled for about a minute and a half at this rate (a JFR of a 20 s
  // warm-up showed the C2 compiler with a third of the CPU in the measured phase).
  private static final Duration WARMUP = Duration.ofSeconds(90);
  private static final Duration MEASURE = Duration.ofSeconds(20);

  @Test
  void ordersThroughKiteAgainstAStandInAnsweringIn50Ms() throws Exception {
    try (KiteStandIn kite = KiteStandIn.start();
        RunningServer server =
            new RunningServer(
                    RunningServer.newHome("bench-kite"),
                    Map.of(
                        "TRADEBRIDGE_RATE_LIMITS",
                        "off",
                        "TRADEBRIDGE_KITE_API_URL",
                        kite.apiUrl(),
                        "TRADEBRIDGE_KITE_LOGIN_URL",
                        kite.loginUrl(),
                        "IO_TRADEBRIDGE_BROKERS_KITE_BOUNDARY_KITEGATEWAY_CALL_TIMEOUT_VALUE",
                        "1"))
                .start()) {
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        keys.add(kiteTrader(server, kite).firstKey);
      }
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      URI orders = URI.create(server.baseUrl() + "/api/v1/orders");
      String body =
          Api.json(
              "account",
              "KITE1",
              "exchange",
              "NSE",
              "symbol",
              "SBIN",
              "side",
              "BUY",
              "quantity",
              1,
              "orderType",
              "LIMIT",
              "price",
              new BigDecimal("470.00"),
              "productType",
              "INTRADAY");
      Load.RequestFactory place =
          call ->
              HttpRequest.newBuilder(orders)
                  .header("Content-Type", "application/json")
                  .header("X-API-Key", keys.get((int) (call % CLIENTS)))
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build();

      kite.slowAnswers(50);
      Load.run(http, CLIENTS, place, 201, WARMUP);
      Phase busy = phase(server, kite, http, CLIENTS, place);
      Phase light = phase(server, kite, http, 4, place);

      // A Kite slower than the time-out: each order gives up after about 1 s.
      kite.slowAnswers(3_000);
      Load.Result slow = Load.run(http, 8, place, 502, Duration.ofSeconds(10));
      kite.slowAnswers(0);

      System.out.println();
      System.out.printf(
          Locale.ROOT,
          "%d clients, HTTP/1.1, %d s warm-up then %d s measured; Kite stand-in answering in 50 ms;"
              + " %d cores, Java %s%n",
          CLIENTS,
          WARMUP.toSeconds(),
          MEASURE.toSeconds(),
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"));
      busy.print(CLIENTS);
      light.print(4);
      System.out.printf(
          Locale.ROOT,
          "Kite answering in 3 s with a 1 s time-out: %d orders answered 502, p50 %.0f ms, p99 %.0f"
              + " ms, slowest %.0f ms, errors %d %s%n",
          slow.sortedNanos().length,
          slow.percentile(50),
          slow.percentile(99),
          slow.sortedNanos().length == 0
              ? 0.0
              : slow.sortedNanos()[slow.sortedNanos().length - 1] / 1e6,
          slow.errors(),
          slow.statuses());
    }
  }

  /** One measured load: the orders' figures and what the stand-in and the server spent on them. */
  private record Phase(
      Load.Result orders,
      double callsPerOrder,
      double standInMsPerOrder,
      double serverCpuMsPerOrder) {
    void print(int clients) {
      System.out.printf(
          Locale.ROOT,
          "%d clients: orders/s %.0f, p50 %.1f ms, p99 %.1f ms, errors %d %s; %.2f Kite calls per"
              + " order taking %.1f ms of stand-in time; adapter overhead at p50 %.1f ms (target at"
              + " most 5); server CPU per order %.1f ms%n",
          clients,
          orders.perSecond(),
          orders.percentile(50),
          orders.percentile(99),
          orders.errors(),
          orders.statuses(),
          callsPerOrder,
          standInMsPerOrder,
          orders.percentile(50) - standInMsPerOrder,
          serverCpuMsPerOrder);
    }
  }

  private static Phase phase(
      RunningServer server,
      KiteStandIn kite,
      HttpClient http,
      int clients,
      Load.RequestFactory place)
      throws InterruptedException {
    long callsBefore = kite.apiCalls();
    long nanosBefore = kite.apiNanos();
    Duration cpuBefore = server.cpuTime();
    Load.Result measured = Load.run(http, clients, place, 201, MEASURE);
    long orders = Math.max(measured.sortedNanos().length, 1);
    long calls = kite.apiCalls() - callsBefore;
    double standInMsPerCall = (kite.apiNanos() - nanosBefore) / 1e6 / Math.max(calls, 1);
    double callsPerOrder = (double) calls / orders;
    double cpuMs = server.cpuTime().minus(cpuBefore).toNanos() / 1e6 / orders;
    return new Phase(measured, callsPerOrder, standInMsPerCall * callsPerOrder, cpuMs);
  }

  private static Trader kiteTrader(RunningServer server, KiteStandIn kite) {
    Api api = new Api(server.baseUrl());
    Trader trader = Trader.register(api).login();
    KiteStandIn.App app =
        kite.register(
            api.base() + "/api/v1/brokers/KITE/callback",
            api.base() + "/api/v1/brokers/KITE/postback");
    Api.Reply created =
        trader.browser.post(
            "/api/v1/trading-accounts",
            Api.json(
                "pseudoAccount",
                "KITE1",
                "broker",
                "KITE",
                "loginId",
                "AB1234",
                "live",
                true,
                "credentials",
                Json.createObjectBuilder()
                    .add("apiKey", app.apiKey())
                    .add("apiSecret", app.apiSecret())
                    .build(),
                "password",
                trader.password));
    assertEquals(201, created.status(), created.toString());
    Api.Reply start =
        trader.browser.post(
            "/api/v1/trading-accounts/" + created.json().getString("id") + "/broker-login", "");
    URI callback = kite.signIn(start.json().getString("loginUrl"));
    assertEquals(
        303, trader.browser.get(callback.getRawPath() + "?" + callback.getRawQuery()).status());
    return trader;
  }
}
