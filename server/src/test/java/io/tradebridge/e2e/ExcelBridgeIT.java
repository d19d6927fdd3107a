package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Excel bridge end to end (WORKBOOK.md): the real {@code tradebridge-excel.jar} against the
 * running server, on workbooks written the way a trader's would be. Each row is placed once,
 * whatever is run again.
 */
@ExtendWith(SharedServer.class)
class ExcelBridgeIT {

  private static Path folder() throws IOException {
    return Files.createTempDirectory(RunningServer.newHome("excel"), "wb");
  }

  private static int orderCount(Api api, Trader trader) {
    return api.fresh().get("/api/v1/orders", "X-API-Key", trader.firstKey).array().size();
  }

  private static List<JsonObject> orders(Api api, Trader trader) {
    return api.fresh()
        .get("/api/v1/orders", "X-API-Key", trader.firstKey)
        .array()
        .getValuesAs(JsonObject.class);
  }

  /**
   * A limit price 5% under the market, on the tick: it rests, it is not refused as too far away.
   */
  private static BigDecimal restingPrice(Api api, Trader trader, String symbol) {
    BigDecimal last =
        api.fresh()
            .get("/api/v1/quotes?exchange=NSE&symbol=" + symbol, "X-API-Key", trader.firstKey)
            .json()
            .getJsonNumber("lastPrice")
            .bigDecimalValue();
    return last.multiply(new BigDecimal("0.95")).setScale(0, RoundingMode.DOWN);
  }

  @Test
  void submitWritesResultsBackAndRunningItAgainPlacesNothing(Api api) throws Exception {
    Trader trader = Trader.register(api);
    Path file = folder().resolve("orders.xlsx");
    List<Object> first = OrderSheets.order("INFY", "BUY", 1, "MARKET", null);
    first.add("=1+1");
    List<Object> note = new ArrayList<>(List.of("", "", "", "", "", "", "", "", "just a note"));
    OrderSheets.write(
        file,
        List.of(
            first,
            OrderSheets.order("SBIN", "B", 10.5, "MKT", null),
            note,
            OrderSheets.order("TCS", "BUY", 2, "L", restingPrice(api, trader, "TCS"))));
    ExcelBridge bridge = new ExcelBridge(api.base(), trader.firstKey);

    ExcelBridge.Run run = bridge.run("submit", file.toString());
    assertEquals(1, run.exitCode(), run.toString());
    assertTrue(run.out().contains("row 3, Quantity (E3)"), run.toString());
    // The answer already says the MARKET order filled: shown at once, no `status` run needed.
    assertEquals("COMPLETE", OrderSheets.cell(file, 2, "Status"));
    assertFalse(OrderSheets.cell(file, 2, "OrderId").isBlank());
    assertTrue(
        OrderSheets.cell(file, 2, "SubmittedAt")
            .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"),
        "an Excel date-time shown to the second: " + OrderSheets.cell(file, 2, "SubmittedAt"));
    assertEquals("INVALID", OrderSheets.cell(file, 3, "Status"));
    assertTrue(
        OrderSheets.cell(file, 3, "Message").contains("Quantity"),
        OrderSheets.cell(file, 3, "Message"));
    assertEquals("", OrderSheets.cell(file, 4, "Status"), "a note is not an order");
    assertEquals("OPEN", OrderSheets.cell(file, 5, "Status"), "the LIMIT order rests");
    assertEquals("=1+1", OrderSheets.cell(file, 2, "Note"), "the trader's formula survives");
    assertEquals("my own notes", OrderSheets.cell(file, "Notes", 1, "my own notes"));
    assertTrue(
        Files.exists(file.resolveSibling("orders.bak.xlsx")), "the previous version is kept");
    assertEquals(2, orderCount(api, trader));

    ExcelBridge.Run again = bridge.run("submit", file.toString());
    assertEquals(1, again.exitCode(), again.toString());
    assertTrue(again.out().contains("0 sent"), again.toString());
    assertEquals(2, orderCount(api, trader), "nothing placed twice");

    OrderSheets.set(file, 3, "Quantity", 10);
    ExcelBridge.Run fixed = bridge.run("submit", file.toString());
    assertEquals(0, fixed.exitCode(), fixed.toString());
    assertEquals("COMPLETE", OrderSheets.cell(file, 3, "Status"));
    assertEquals(3, orderCount(api, trader));

    ExcelBridge.Run status = bridge.run("status", file.toString());
    assertEquals(0, status.exitCode(), status.toString());
    assertEquals("COMPLETE", OrderSheets.cell(file, 2, "Status"));
    assertEquals("1", OrderSheets.cell(file, 2, "FilledQuantity"));
    assertEquals("OPEN", OrderSheets.cell(file, 5, "Status"));
  }

  @Test
  void clearingARowsStatusSendsThatRowExactlyOnceMore(Api api) throws Exception {
    Trader trader = Trader.register(api);
    Path file = folder().resolve("again.xlsx");
    OrderSheets.write(
        file,
        List.of(
            OrderSheets.order("INFY", "BUY", 1, "MARKET", null),
            OrderSheets.order("SBIN", "BUY", 3, "MARKET", null)));
    ExcelBridge bridge = new ExcelBridge(api.base(), trader.firstKey);
    assertEquals(0, bridge.run("submit", file.toString()).exitCode());
    String firstOrderId = OrderSheets.cell(file, 3, "OrderId");

    OrderSheets.clear(file, 3, "Status");
    ExcelBridge.Run resend = bridge.run("submit", file.toString());
    assertEquals(0, resend.exitCode(), resend.toString());
    assertEquals(3, orderCount(api, trader));
    String secondOrderId = OrderSheets.cell(file, 3, "OrderId");
    assertFalse(secondOrderId.equals(firstOrderId), "a new order, not the first one's answer");
    JsonObject second =
        orders(api, trader).stream()
            .filter(o -> o.getString("orderId").equals(secondOrderId))
            .findFirst()
            .orElseThrow();
    assertTrue(second.getString("clientOrderId").endsWith(".g2"), second.toString());

    assertEquals(0, bridge.run("submit", file.toString()).exitCode());
    assertEquals(3, orderCount(api, trader), "a second run after the resend places nothing");
  }

  @Test
  void aCrashBetweenSendingAndSavingPlacesNothingTwiceOnTheRerun(Api api) throws Exception {
    Trader trader = Trader.register(api);
    Path file = folder().resolve("crash.xlsx");
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      rows.add(OrderSheets.order(i % 2 == 0 ? "INFY" : "SBIN", "BUY", 1, "MARKET", null));
    }
    OrderSheets.write(file, rows);
    ExcelBridge bridge = new ExcelBridge(api.base(), trader.firstKey);

    // The key's default limit (10 orders/s) spreads 40 rows over ~4 s, and results are first saved
    // after 5 s:
    // killed once the server has orders, the process dies after sending and before saving anything.
    Process submit = bridge.start("submit", file.toString());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (orderCount(api, trader) == 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    submit.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    int placedBeforeCrash = orderCount(api, trader);
    assertTrue(
        placedBeforeCrash > 0 && placedBeforeCrash < 40,
        "killed mid-run: " + placedBeforeCrash + " placed");
    assertEquals("", OrderSheets.cell(file, 2, "Status"), "no results were saved before the crash");

    ExcelBridge.Run rerun = bridge.run("submit", file.toString());
    assertEquals(0, rerun.exitCode(), rerun.toString());
    assertEquals(
        40, orderCount(api, trader), "each row placed once, the crashed run's orders recognised");
    for (int row = 2; row <= 41; row++) {
      assertEquals("COMPLETE", OrderSheets.cell(file, row, "Status"), "row " + row);
    }
  }

  @Test
  void anArmedWatchSendsARowOnceTheWorkbookIsSaved(Api api) throws Exception {
    Trader trader = Trader.register(api);
    Path file = folder().resolve("watched.xlsx");
    OrderSheets.write(file, List.of(OrderSheets.order("INFY", "BUY", 1, "MARKET", null)));
    Process watch =
        new ExcelBridge(api.base(), trader.firstKey)
            .start("watch", file.toString(), "--arm", "--interval", "200");
    try {
      awaitCell(file, 2, "Status", "COMPLETE", watch);
      OrderSheets.append(file, OrderSheets.order("SBIN", "SELL", 2, "MARKET", null));
      awaitCell(file, 3, "Status", "COMPLETE", watch);
      Thread.sleep(1500);
      assertEquals(2, orderCount(api, trader), "each saved row sent once while the watch runs on");
    } finally {
      watch.destroy();
      watch.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void pullWritesPositionsAndOrdersBesideTheOrdersSheet(Api api) throws Exception {
    Trader trader = Trader.register(api);
    Path file = folder().resolve("pulled.xlsx");
    OrderSheets.write(file, List.of(OrderSheets.order("INFY", "BUY", 4, "MARKET", null)));
    ExcelBridge bridge = new ExcelBridge(api.base(), trader.firstKey);
    assertEquals(0, bridge.run("submit", file.toString()).exitCode());

    ExcelBridge.Run pull = bridge.run("pull", file.toString());
    assertEquals(0, pull.exitCode(), pull.toString());
    assertEquals("INFY", OrderSheets.cell(file, "Positions", 2, "Symbol"));
    assertEquals("4", OrderSheets.cell(file, "Positions", 2, "NetQuantity"));
    assertEquals("COMPLETE", OrderSheets.cell(file, "Orderbook", 2, "Status"));
    assertEquals("PAPER1", OrderSheets.cell(file, "Accounts", 2, "PseudoAccount"));
    assertEquals("COMPLETE", OrderSheets.cell(file, 2, "Status"), "the Orders sheet is left alone");
    // Typed cells, as Excel sums, sorts and filters them: not text that looks like a number.
    try (org.apache.poi.ss.usermodel.Workbook pulled = OrderSheets.open(file)) {
      org.apache.poi.ss.usermodel.Sheet book = pulled.getSheet("Orderbook");
      org.apache.poi.ss.usermodel.Cell quantity =
          book.getRow(1).getCell(OrderSheets.column(book, "Quantity"));
      assertEquals(org.apache.poi.ss.usermodel.CellType.NUMERIC, quantity.getCellType());
      assertEquals("4", new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(quantity));
      org.apache.poi.ss.usermodel.Cell created =
          book.getRow(1).getCell(OrderSheets.column(book, "CreatedAt"));
      assertTrue(
          org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(created),
          "CreatedAt is a date-time");
      org.apache.poi.ss.usermodel.Sheet accounts = pulled.getSheet("Accounts");
      org.apache.poi.ss.usermodel.Cell live =
          accounts.getRow(1).getCell(OrderSheets.column(accounts, "Live"));
      assertEquals(org.apache.poi.ss.usermodel.CellType.BOOLEAN, live.getCellType());
      assertEquals(
          live.getBooleanCellValue() ? "TRUE" : "FALSE",
          new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(live));
    }

    Path fresh = folder().resolve("new.xlsx");
    assertEquals(
        0, bridge.run("pull", fresh.toString()).exitCode(), "a missing workbook is created");
    assertEquals("INFY", OrderSheets.cell(fresh, "Positions", 2, "Symbol"));
  }

  @Test
  void aRefusedOrMistypedKeyStopsTheToolBeforeAnyRowIsTouched(Api api) throws Exception {
    Trader trader = Trader.register(api).login();
    Path file = folder().resolve("refused.xlsx");
    OrderSheets.write(file, List.of(OrderSheets.order("INFY", "BUY", 1, "MARKET", null)));
    assertEquals(204, trader.browser.delete("/api/v1/keys/" + trader.firstKeyId).status());

    ExcelBridge.Run revoked =
        new ExcelBridge(api.base(), trader.firstKey).run("submit", file.toString());
    assertEquals(2, revoked.exitCode(), revoked.toString());
    assertTrue(revoked.err().contains("API key was refused"), revoked.toString());
    assertFalse(revoked.err().contains(trader.firstKey), "the key is never printed");

    String mistyped =
        trader.firstKey.substring(0, 20)
            + (trader.firstKey.charAt(20) == 'a' ? 'b' : 'a')
            + trader.firstKey.substring(21);
    ExcelBridge.Run typo = new ExcelBridge(api.base(), mistyped).run("submit", file.toString());
    assertEquals(2, typo.exitCode(), typo.toString());
    assertTrue(typo.err().contains("checksum"), typo.toString());
    assertEquals(
        -1,
        OrderSheets.column(OrderSheets.open(file).getSheet("Orders"), "Status"),
        "the workbook is untouched");
  }

  @Test
  void anUploadedWorkbookComesBackWithResultsAndUploadingItAgainPlacesNothing(Api api)
      throws Exception {
    Trader trader = Trader.register(api);
    Path file = folder().resolve("upload.xlsx");
    OrderSheets.write(
        file,
        List.of(
            OrderSheets.order("INFY", "BUY", 1, "MARKET", null),
            OrderSheets.order("SBIN", "BUY", 0, "MARKET", null)));

    HttpResponse<byte[]> first =
        upload(api, trader.firstKey, "upload.xlsx", Files.readAllBytes(file));
    assertEquals(200, first.statusCode(), new String(first.body(), StandardCharsets.UTF_8));
    assertTrue(first.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
    Path result = file.resolveSibling("upload-result.xlsx");
    Files.write(result, first.body());
    assertEquals("COMPLETE", OrderSheets.cell(result, 2, "Status"));
    assertEquals("INVALID", OrderSheets.cell(result, 3, "Status"));
    assertEquals(1, orderCount(api, trader));

    HttpResponse<byte[]> second = upload(api, trader.firstKey, "upload.xlsx", first.body());
    assertEquals(200, second.statusCode());
    assertTrue(
        second.headers().firstValue("Tradebridge-Summary").orElse("").contains("sent=0"),
        second.headers().toString());
    assertEquals(
        1, orderCount(api, trader), "the returned workbook, uploaded again, places nothing");

    HttpResponse<byte[]> garbage =
        upload(
            api,
            trader.firstKey,
            "orders.xlsx",
            "Account,Symbol\nPAPER1,INFY\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(400, garbage.statusCode());
    String problem = new String(garbage.body(), StandardCharsets.UTF_8);
    assertTrue(problem.contains("not an Excel workbook"), problem);
    assertTrue(garbage.headers().firstValue("Content-Type").orElse("").contains("problem+json"));

    HttpResponse<byte[]> huge =
        upload(api, trader.firstKey, "huge.xlsx", new byte[11 * 1024 * 1024]);
    assertEquals(413, huge.statusCode(), new String(huge.body(), StandardCharsets.UTF_8));
  }

  static HttpResponse<byte[]> upload(Api api, String key, String name, byte[] content)
      throws Exception {
    String boundary = "----tradebridge" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/orders/workbook"))
            .timeout(Duration.ofSeconds(120))
            .header("X-API-Key", key)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  private static void awaitCell(Path file, int row, String header, String expected, Process watch)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String seen = "";
    while (System.nanoTime() < deadline) {
      seen = OrderSheets.cell(file, row, header);
      if (expected.equals(seen)) {
        return;
      }
      assertTrue(
          watch.isAlive(),
          "the watch stopped: " + ExcelBridge.read(watch, "out") + ExcelBridge.read(watch, "err"));
      Thread.sleep(200);
    }
    throw new AssertionError(
        "row "
            + row
            + " "
            + header
            + " is '"
            + seen
            + "', not "
            + expected
            + "; watch said:\n"
            + ExcelBridge.read(watch, "out")
            + ExcelBridge.read(watch, "err"));
  }
}
