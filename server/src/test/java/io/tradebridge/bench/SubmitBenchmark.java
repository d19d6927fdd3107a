package io.tradebridge.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tradebridge.e2e.Api;
import io.tradebridge.e2e.ExcelBridge;
import io.tradebridge.e2e.OrderSheets;
import io.tradebridge.e2e.RunningServer;
import io.tradebridge.e2e.Trader;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code submit} of a 10,000-row workbook to the paper exchange, rate limits lifted (issue 5's
 * target: at least 1,000 orders/s end to end). Each run is the whole command as a trader runs it —
 * JVM start, key check, reading and checking the sheet, saving the workbook id, 20 batches of 500,
 * writing every row's result back — timed from outside the process, for a fresh trader each time.
 * Half the rows are MARKET buys that fill at once, half LIMIT buys 5% under the market that rest.
 *
 * <p>Run: {@code mvn -q install -DskipTests && mvn -o verify -pl server -Pbenchmark
 * -Dit.test=SubmitBenchmark}
 */
class SubmitBenchmark {

  private static final int ROWS = 10_000;
  private static final int RUNS = 3;

  @Test
  void submitOfTenThousandRows() throws Exception {
    try (RunningServer server =
        new RunningServer(
                RunningServer.newHome("bench-submit"),
                Map.of("TRADEBRIDGE_PAPER_SEED", "1", "TRADEBRIDGE_RATE_LIMITS", "off"))
            .start()) {
      Path folder = Files.createTempDirectory(RunningServer.newHome("bench-submit-books"), "wb");
      run(server, folder.resolve("warmup.xlsx"), 1_000);
      double[] seconds = new double[RUNS];
      for (int i = 0; i < RUNS; i++) {
        seconds[i] = run(server, folder.resolve("run" + i + ".xlsx"), ROWS);
      }
      double[] sorted = seconds.clone();
      Arrays.sort(sorted);
      double median = sorted[RUNS / 2];
      System.out.println();
      System.out.printf(
          Locale.ROOT,
          "submit of %,d rows, whole command, %d runs after a 1,000-row warm-up; %d cores,"
              + " Java %s%n",
          ROWS,
          RUNS,
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"));
      System.out.println("| run | seconds | orders/s |");
      System.out.println("| --- | --- | --- |");
      for (int i = 0; i < RUNS; i++) {
        System.out.printf(
            Locale.ROOT, "| %d | %.2f | %.0f |%n", i + 1, seconds[i], ROWS / seconds[i]);
      }
      System.out.printf(
          Locale.ROOT,
          "median: %.2f s, %.0f orders/s (target at least 1,000 orders/s)%n",
          median,
          ROWS / median);
    }
  }

  /** One whole submit for a new trader; returns its wall-clock seconds. */
  private static double run(RunningServer server, Path file, int rows) throws Exception {
    Api api = new Api(server.baseUrl());
    Trader trader = Trader.register(api);
    List<JsonObject> instruments =
        api.fresh()
            .get("/api/v1/instruments?exchange=NSE", "X-API-Key", trader.firstKey)
            .array()
            .getValuesAs(JsonObject.class);
    List<List<Object>> sheet = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      JsonObject instrument = instruments.get(i % instruments.size());
      String symbol = instrument.getString("symbol");
      if (i % 2 == 0) {
        sheet.add(
            new ArrayList<>(List.of("PAPER1", "NSE", symbol, "BUY", 1, "MARKET", "INTRADAY")));
      } else {
        BigDecimal price =
            instrument
                .getJsonNumber("lastPrice")
                .bigDecimalValue()
                .multiply(new BigDecimal("0.95"))
                .setScale(0, RoundingMode.DOWN);
        sheet.add(
            new ArrayList<>(
                List.of("PAPER1", "NSE", symbol, "BUY", 1, "LIMIT", "INTRADAY", price)));
      }
    }
    OrderSheets.write(file, sheet);
    long started = System.nanoTime();
    ExcelBridge.Run run =
        new ExcelBridge(server.baseUrl(), trader.firstKey).run("submit", file.toString());
    double seconds = (System.nanoTime() - started) / 1e9;
    assertEquals(0, run.exitCode(), run.toString());
    int placed = api.fresh().get("/api/v1/orders", "X-API-Key", trader.firstKey).array().size();
    assertEquals(rows, placed, "every row placed once");
    assertEquals("OPEN", OrderSheets.cell(file, rows + 1, "Status"), "the last row rests");
    return seconds;
  }
}
