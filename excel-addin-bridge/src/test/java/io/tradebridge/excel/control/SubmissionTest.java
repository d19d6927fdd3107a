package io.tradebridge.excel.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradebridge.excel.entity.Outgoing;
import io.tradebridge.excel.entity.SendResult;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sending loop as the command line runs it (a sender thread ahead of the workbook's writing),
 * against gateways that answer the way the server can: rate limits, a server gone mid-run, a bug.
 */
class SubmissionTest {

  @TempDir Path folder;

  private static final Object[] HEADER = {
    "Account", "Exchange", "Symbol", "Side", "Quantity", "OrderType", "ProductType"
  };

  /** A special answer for the index-th order of the call-th batch, or null to place it. */
  @FunctionalInterface
  private interface Answers {
    SendResult answer(int call, int index) throws GatewayFailure;
  }

  /** Answers like POST /orders/batch; records every client order id it was sent, in order. */
  private static final class Server implements OrderGateway {
    final Answers answers;
    final List<String> sent = new ArrayList<>();
    final Map<String, String> placed = new HashMap<>();
    final AtomicInteger calls = new AtomicInteger();

    Server(Answers answers) {
      this.answers = answers;
    }

    @Override
    public boolean callableFromAnyThread() {
      return true;
    }

    @Override
    public synchronized List<SendResult> send(List<Outgoing> batch) throws GatewayFailure {
      int call = calls.incrementAndGet();
      List<SendResult> results = new ArrayList<>();
      for (int i = 0; i < batch.size(); i++) {
        String id = batch.get(i).clientOrderId();
        sent.add(id);
        SendResult answer = answers.answer(call, i);
        if (answer == null) {
          boolean repeat = placed.containsKey(id);
          placed.putIfAbsent(id, "order-" + placed.size());
          answer = SendResult.placed(repeat ? 200 : 201, placed.get(id), null);
        }
        results.add(answer);
      }
      return results;
    }
  }

  private Path sheet(int rows) throws Exception {
    Object[][] all = new Object[rows + 1][];
    all[0] = HEADER;
    for (int r = 1; r <= rows; r++) {
      all[r] = new Object[] {"PAPER1", "NSE", "INFY", "BUY", r, "MARKET", "MIS"};
    }
    return Workbooks.xlsx(folder.resolve("orders.xlsx"), "Orders", all);
  }

  private Submission.Report submit(Path file, OrderGateway gateway) throws Exception {
    return new Submission(
            new Submission.Options(
                "Orders", false, true, Duration.ofSeconds(5), Duration.ofSeconds(30), 0),
            gateway,
            Submission.Progress.NONE,
            Clock.systemUTC())
        .run(file);
  }

  private static List<String> statuses(Path file, int rows) throws Exception {
    try (InputStream in = Files.newInputStream(file);
        Workbook workbook = WorkbookFactory.create(in)) {
      Sheet orders = workbook.getSheet("Orders");
      List<String> statuses = new ArrayList<>();
      for (int r = 1; r <= rows; r++) {
        statuses.add(orders.getRow(r).getCell(7).getStringCellValue());
      }
      return statuses;
    }
  }

  @Test
  void rateLimitedRowsGoFirstOnceTheLimitAllowsAndEveryRowIsPlacedOnce() throws Exception {
    Path file = sheet(1_200);
    // The first batch: its last 100 rows over the limit, come back in a second.
    Server server =
        new Server(
            (call, index) ->
                call == 1 && index >= 400
                    ? SendResult.problem(429, "RATE_LIMITED", "slow down", 1L)
                    : null);
    Submission.Report report = submit(file, server);
    assertEquals(1_200, report.placed());
    assertEquals(0, report.errors());
    assertEquals(1_200, server.placed.size(), "each row placed once");
    assertEquals(1_300, server.sent.size(), "only the limited rows were sent twice");
    assertEquals(
        server.sent.get(400),
        server.sent.get(500),
        "the limited rows went first when sending resumed");
    assertTrue(statuses(file, 1_200).stream().allMatch("SUBMITTED"::equals));
  }

  @Test
  void aServerGoneMidRunLeavesTheRestMarkedNotSentAndTheAnsweredRowsSaved() throws Exception {
    Path file = sheet(1_200);
    Server server =
        new Server(
            (call, index) -> {
              if (call == 2) {
                throw new GatewayFailure(GatewayFailure.Kind.UNREACHABLE, "connection refused", 0);
              }
              return null;
            });
    Submission.Report report = submit(file, server);
    assertEquals(500, report.placed());
    assertEquals(700, report.errors());
    assertEquals("connection refused", report.stoppedBecause());
    List<String> statuses = statuses(file, 1_200);
    assertEquals("SUBMITTED", statuses.get(499));
    assertEquals("ERROR", statuses.get(500));
    assertEquals("ERROR", statuses.get(1_199));

    // The rerun sends the rest under the same ids (and the ones that may have landed are
    // recognised).
    Server back = new Server((call, index) -> null);
    back.placed.putAll(server.placed);
    Submission.Report rerun = submit(file, back);
    assertEquals(700, rerun.placed());
    assertEquals(1_200, back.placed.size());
  }

  @Test
  void aFailureOnTheSendersThreadReachesTheCallerAsItWouldHaveFromTheCallersOwn() throws Exception {
    Path file = sheet(600);
    Server broken =
        new Server(
            (call, index) -> {
              throw new IllegalStateException("the API key may not trade");
            });
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> submit(file, broken));
    assertEquals("the API key may not trade", e.getMessage());
  }

  @Test
  void aSubmitThatSendsNothingLeavesTheWorkbookAndItsBackupAsTheyWere() throws Exception {
    Path file = sheet(3);
    Server server = new Server((call, index) -> null);
    submit(file, server);
    Path backup = AtomicWrite.sibling(file, "bak");
    byte[] workbook = Files.readAllBytes(file);
    byte[] previous = Files.readAllBytes(backup);
    java.nio.file.attribute.FileTime savedAt = Files.getLastModifiedTime(file);

    Submission.Report again = submit(file, server);
    assertEquals(0, again.sent());
    assertEquals(3, again.alreadyHandled());
    assertEquals(null, again.savedTo(), "nothing saved");
    assertEquals(3, server.sent.size(), "nothing sent");
    assertTrue(
        java.util.Arrays.equals(workbook, Files.readAllBytes(file)), "the workbook unchanged");
    assertTrue(
        java.util.Arrays.equals(previous, Files.readAllBytes(backup)), "its backup unchanged");
    assertEquals(savedAt, Files.getLastModifiedTime(file));
  }

  @Test
  void aDryRunListsEachRowItWouldSendAndChangesNothing() throws Exception {
    Path file = sheet(2);
    byte[] before = Files.readAllBytes(file);
    Submission.Report dry =
        new Submission(
                new Submission.Options(
                    "Orders", true, true, Duration.ofSeconds(5), Duration.ofSeconds(30), 0),
                batch -> {
                  throw new IllegalStateException("a dry run sends nothing");
                },
                Submission.Progress.NONE,
                Clock.systemUTC())
            .run(file);
    assertEquals(
        List.of(
            "row 2: PAPER1 BUY 1 NSE:INFY MARKET INTRADAY",
            "row 3: PAPER1 BUY 2 NSE:INFY MARKET INTRADAY"),
        dry.wouldSend().stream()
            .map(Outgoing::summary)
            .map(line -> line.substring(0, line.indexOf(" (client order id")))
            .toList());
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)), "nothing changed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"orders.xlsx", "orders.xls"})
  void aFillTheAnswerAlreadyCarriesIsShownAtOnceAndSubmittedAtIsAnExcelDateTime(String name)
      throws Exception {
    Object[] header = {
      "Account",
      "Exchange",
      "Symbol",
      "Side",
      "Quantity",
      "OrderType",
      "ProductType",
      "Price",
      "Status",
      "OrderId",
      "Message",
      "SubmittedAt",
      "FilledQuantity",
      "AveragePrice"
    };
    Object[] market = {"PAPER1", "NSE", "INFY", "BUY", 5, "MARKET", "MIS"};
    Object[] limit = {"PAPER1", "NSE", "INFY", "BUY", 5, "LIMIT", "MIS", 1400};
    Path file =
        name.endsWith(".xls")
            ? Workbooks.xls(folder.resolve(name), "Orders", header, market, limit)
            : Workbooks.xlsx(folder.resolve(name), "Orders", header, market, limit);
    OrderGateway filling =
        batch ->
            List.of(
                SendResult.placed(
                    201,
                    "order-1",
                    null,
                    new SendResult.OrderState(
                        "COMPLETE", null, 5L, new java.math.BigDecimal("1500.25"))),
                SendResult.placed(
                    201, "order-2", null, new SendResult.OrderState("OPEN", null, 0L, null)));
    // 03:50 UTC is 09:20 in Mumbai: the cell holds the time of the clock's zone.
    Clock mumbai =
        Clock.fixed(
            java.time.Instant.parse("2026-12-07T03:50:00Z"), java.time.ZoneId.of("Asia/Kolkata"));
    Submission.Report report =
        new Submission(
                new Submission.Options(
                    "Orders", false, true, Duration.ofSeconds(5), Duration.ofSeconds(30), 0),
                filling,
                Submission.Progress.NONE,
                mumbai)
            .run(file);
    assertEquals(2, report.placed());
    try (InputStream in = Files.newInputStream(file);
        Workbook workbook = WorkbookFactory.create(in)) {
      Sheet orders = workbook.getSheet("Orders");
      org.apache.poi.ss.usermodel.Row filled = orders.getRow(1);
      assertEquals("COMPLETE", filled.getCell(8).getStringCellValue(), "not SUBMITTED");
      assertEquals(5, filled.getCell(12).getNumericCellValue());
      assertEquals(1500.25, filled.getCell(13).getNumericCellValue());
      org.apache.poi.ss.usermodel.Cell at = filled.getCell(11);
      assertEquals(org.apache.poi.ss.usermodel.CellType.NUMERIC, at.getCellType());
      assertTrue(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(at), "a date format");
      assertEquals(
          java.time.LocalDateTime.parse("2026-12-07T09:20:00"), at.getLocalDateTimeCellValue());
      assertEquals("yyyy-mm-dd hh:mm:ss", at.getCellStyle().getDataFormatString());
      org.apache.poi.ss.usermodel.Row resting = orders.getRow(2);
      assertEquals("OPEN", resting.getCell(8).getStringCellValue());
      assertEquals(0, resting.getCell(12).getNumericCellValue());
      assertTrue(
          resting.getCell(13) == null
              || resting.getCell(13).getCellType() == org.apache.poi.ss.usermodel.CellType.BLANK,
          "no average price before a fill");
    }
    // Both rows are handled: a second run sends nothing.
    OrderGateway refuses =
        batch -> {
          throw new AssertionError("nothing should be sent again, got " + batch.size());
        };
    Submission.Report again =
        new Submission(
                new Submission.Options(
                    "Orders", false, true, Duration.ofSeconds(5), Duration.ofSeconds(30), 0),
                refuses,
                Submission.Progress.NONE,
                mumbai)
            .run(file);
    assertEquals(2, again.alreadyHandled());
  }

  @Test
  void aRowAddedAndSavedAfterARunGetsItsResultOnTheNextRun() throws Exception {
    Path file = sheet(1);
    OrderGateway filling =
        batch ->
            batch.stream()
                .map(
                    o ->
                        SendResult.placed(
                            201,
                            "order-" + o.clientOrderId(),
                            null,
                            new SendResult.OrderState("COMPLETE", null, 1L, null)))
                .toList();
    assertEquals(1, submit(file, filling).placed());
    // The trader adds a row and saves, as Excel (here POI) writes the file.
    try (InputStream in = Files.newInputStream(file);
        Workbook workbook = WorkbookFactory.create(in)) {
      org.apache.poi.ss.usermodel.Row row = workbook.getSheet("Orders").createRow(2);
      Object[] values = {"PAPER1", "NSE", "SBIN", "SELL", 2, "MARKET", "MIS"};
      for (int c = 0; c < values.length; c++) {
        if (values[c] instanceof Integer n) {
          row.createCell(c).setCellValue(n);
        } else {
          row.createCell(c).setCellValue(values[c].toString());
        }
      }
      try (java.io.OutputStream out = Files.newOutputStream(folder.resolve("saved.xlsx"))) {
        workbook.write(out);
      }
    }
    Files.move(
        folder.resolve("saved.xlsx"), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertEquals(1, submit(file, filling).placed());
    assertEquals(List.of("COMPLETE", "COMPLETE"), statuses(file, 2));
  }
}
