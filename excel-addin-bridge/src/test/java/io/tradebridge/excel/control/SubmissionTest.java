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
}
