package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * A team's own Open Liberty (README, "Deploy on your own Open Liberty"): a plain server created
 * from the same {@code openliberty-runtime} zip with {@code bin/server create}, the configuration
 * bundle unzipped into it, the WAR copied into {@code apps/}, started with {@code bin/server start}
 * and the environment variables of the runnable jar — nothing edited by hand.
 */
class OwnLibertyIT {

  @Test
  void aPlainLibertyWithTheBundleAndTheWarTradesOnPaperAndTakesAWorkbook() throws Exception {
    Path wlp = Path.of(System.getProperty("tradebridge.own.liberty", "target/own-liberty/wlp"));
    Path bundle =
        Path.of(
            System.getProperty(
                "tradebridge.server.config.zip",
                "../liberty-config/target/tradebridge-server-config.zip"));
    Path war = Path.of(System.getProperty("tradebridge.war", "../war/target/tradebridge.war"));
    String name = "team" + System.nanoTime() % 1_000_000;
    int httpPort = RunningServer.freePort();
    Map<String, String> env =
        Map.of(
            "TRADEBRIDGE_HTTP_PORT",
            String.valueOf(httpPort),
            "TRADEBRIDGE_HTTPS_PORT",
            String.valueOf(RunningServer.freePort()),
            "TRADEBRIDGE_LOG_FORMAT",
            "json",
            // Its order must fill at whatever hour the test runs.
            "TRADEBRIDGE_PAPER_HOURS",
            "always");

    assertEquals(0, server(wlp, env, "create", name), "bin/server create");
    Path folder = wlp.resolve("usr/servers").resolve(name);
    unzip(bundle, folder);
    Files.createDirectories(folder.resolve("apps"));
    Files.copy(war, folder.resolve("apps/tradebridge.war"), StandardCopyOption.REPLACE_EXISTING);
    assertEquals(0, server(wlp, env, "start", name), "bin/server start");
    try {
      String base = "http://127.0.0.1:" + httpPort;
      awaitReady(URI.create(base + "/health/ready"), folder.resolve("logs/console.log"));
      Api api = new Api(base);

      Trader trader = Trader.register(api);
      Api.Reply order =
          api.fresh()
              .post(
                  "/api/v1/orders",
                  Api.json(
                      "account",
                      "PAPER1",
                      "exchange",
                      "NSE",
                      "symbol",
                      "INFY",
                      "side",
                      "BUY",
                      "quantity",
                      1,
                      "orderType",
                      "MARKET",
                      "productType",
                      "INTRADAY"),
                  "X-API-Key",
                  trader.firstKey);
      assertEquals(201, order.status(), order.toString());
      assertEquals("COMPLETE", order.json().getString("status"));

      Path workbook = Files.createTempDirectory(folder, "wb").resolve("orders.xlsx");
      OrderSheets.write(workbook, List.of(OrderSheets.order("SBIN", "BUY", 2, "MARKET", null)));
      HttpResponse<byte[]> uploaded =
          ExcelBridgeIT.upload(api, trader.firstKey, "orders.xlsx", Files.readAllBytes(workbook));
      assertEquals(200, uploaded.statusCode(), new String(uploaded.body()));
      Path result = workbook.resolveSibling("orders-result.xlsx");
      Files.write(result, uploaded.body());
      assertEquals("COMPLETE", OrderSheets.cell(result, 2, "Status"));
      assertEquals(
          2, api.fresh().get("/api/v1/orders", "X-API-Key", trader.firstKey).array().size());

      assertEquals(200, api.fresh().get("/health/live").status(), "mpHealth where it always is");
      assertEquals(200, api.fresh().get("/metrics").status(), "mpMetrics where it always is");
      Path data = folder.resolve("tradebridge-data");
      assertTrue(Files.isDirectory(data.resolve("db")), "the database is in the server's folder");
      assertTrue(Files.isRegularFile(data.resolve("tls/key.p12")), "and so is the TLS key");
      List<String> console = Files.readAllLines(folder.resolve("logs/console.log"));
      assertTrue(
          console.stream().anyMatch(line -> line.startsWith("{\"type\":\"liberty_message\"")),
          "TRADEBRIDGE_LOG_FORMAT=json: one JSON object per line\n" + String.join("\n", console));
    } finally {
      server(wlp, env, "stop", name);
    }
  }

  /** Runs {@code wlp/bin/server <command> <name>} with this JDK; returns its exit code. */
  private static int server(Path wlp, Map<String, String> env, String command, String name)
      throws IOException, InterruptedException {
    List<String> line =
        new ArrayList<>(List.of(wlp.resolve("bin/server").toString(), command, name));
    ProcessBuilder builder =
        new ProcessBuilder(line)
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(wlp.resolve(name + "-cli.log").toFile()));
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().remove("TRADEBRIDGE_DATA_DIR");
    builder.environment().remove("WLP_USER_DIR");
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(240, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("bin/server " + command + " did not return in 240 s");
    }
    return process.exitValue();
  }

  private static void unzip(Path zip, Path into) throws IOException {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        Path target = into.resolve(entry.getName()).normalize();
        if (!target.startsWith(into)) {
          throw new IOException("entry outside the folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void awaitReady(URI ready, Path log) throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < deadline) {
      try {
        if (client
                .send(
                    HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("the server was not ready within 180 s; see " + log);
  }
}
