package io.tradebridge.excel.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradebridge.excel.entity.CellValue;
import io.tradebridge.excel.entity.Column;
import io.tradebridge.excel.entity.OrderRow;
import io.tradebridge.excel.entity.Outgoing;
import io.tradebridge.excel.entity.RowProblem;
import io.tradebridge.excel.entity.SendResult;
import io.tradebridge.excel.entity.SheetRow;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Workbooks written by LibreOffice Calc (src/test/resources/libreoffice), read like POI's own. */
class LibreOfficeWorkbookTest {

  @ParameterizedTest
  @ValueSource(strings = {"orders.xlsx", "orders.xls"})
  void readsWhatLibreOfficeWrites(String name) throws Exception {
    List<OrderRow> valid = new ArrayList<>();
    SheetCheck.Summary summary = SheetCheck.run(fixture(name), "Orders", valid::add);

    assertEquals(
        List.of(
            "row 5, Quantity (E5): must be a whole number, not 10.5",
            "row 6, Quantity (E6): is a date; it must be a number"),
        summary.problems().stream().map(RowProblem::toString).toList());
    assertEquals(
        List.of(
            "INFY BUY 25 MARKET INTRADAY",
            "SBIN SELL 10 LIMIT DELIVERY 812.5",
            "HDFCBANK BUY 5 SL_MARKET NORMAL trigger 1600"),
        valid.stream()
            .map(
                o ->
                    o.symbol()
                        + " "
                        + o.side()
                        + " "
                        + o.quantity()
                        + " "
                        + o.orderType()
                        + " "
                        + o.productType()
                        + (o.price() != null ? " " + o.price().toPlainString() : "")
                        + (o.triggerPrice() != null
                            ? " trigger " + o.triggerPrice().toPlainString()
                            : ""))
            .toList());
    assertEquals(5, summary.orderRows(), "the note row is not an order");
  }

  @ParameterizedTest
  @ValueSource(strings = {"orders.xlsx", "orders.xls"})
  void resultsGoBackIntoWhatLibreOfficeWroteAndASecondRunSendsNothing(
      String name, @TempDir Path folder) throws Exception {
    Path file = Files.copy(fixture(name), folder.resolve(name));
    List<String> sent = new ArrayList<>();
    OrderGateway server =
        batch -> {
          List<SendResult> results = new ArrayList<>();
          for (Outgoing o : batch) {
            sent.add(o.clientOrderId());
            results.add(SendResult.placed(201, "order-" + sent.size(), null));
          }
          return results;
        };
    Submission.Options options = Submission.Options.defaults("Orders");
    Submission.Report first =
        new Submission(options, server, Submission.Progress.NONE, Clock.systemUTC()).run(file);
    assertEquals(3, first.placed());

    List<String> statuses = new ArrayList<>();
    OrderSheetReader.read(
        file,
        "Orders",
        new OrderSheetReader.RowSink() {
          @Override
          public void header(HeaderMap header) {}

          @Override
          public void row(SheetRow row) {
            CellValue status = row.get(Column.STATUS);
            statuses.add(status == null ? "" : status.raw());
          }
        });
    assertEquals(
        List.of("SUBMITTED", "SUBMITTED", "SUBMITTED", "INVALID", "INVALID"),
        statuses.stream()
            .filter(s -> !s.isEmpty())
            .sorted(java.util.Comparator.reverseOrder())
            .toList());
    // SubmittedAt is a date-time Excel and Calc can sort and filter by, not text.
    try (java.io.InputStream in = Files.newInputStream(file);
        org.apache.poi.ss.usermodel.Workbook book =
            org.apache.poi.ss.usermodel.WorkbookFactory.create(in)) {
      org.apache.poi.ss.usermodel.Sheet orders = book.getSheet("Orders");
      org.apache.poi.ss.usermodel.Row header = orders.getRow(orders.getFirstRowNum());
      int status = -1;
      int at = -1;
      for (org.apache.poi.ss.usermodel.Cell cell : header) {
        status = "Status".equals(cell.getStringCellValue()) ? cell.getColumnIndex() : status;
        at = "SubmittedAt".equals(cell.getStringCellValue()) ? cell.getColumnIndex() : at;
      }
      int dates = 0;
      for (org.apache.poi.ss.usermodel.Row row : orders) {
        org.apache.poi.ss.usermodel.Cell s = row.getCell(status);
        if (s != null && "SUBMITTED".equals(s.getStringCellValue())) {
          assertTrue(
              org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(row.getCell(at)),
              "row " + (row.getRowNum() + 1) + "'s SubmittedAt is a date-time");
          dates++;
        }
      }
      assertEquals(3, dates);
    }
    Submission.Report second =
        new Submission(options, server, Submission.Progress.NONE, Clock.systemUTC()).run(file);
    assertEquals(0, second.sent(), "handled rows are not sent again");
    assertEquals(3, sent.size());
  }

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(LibreOfficeWorkbookTest.class.getResource("/libreoffice/" + name).toURI());
  }
}
