package io.tradebridge.excel.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradebridge.excel.entity.Column;
import io.tradebridge.excel.entity.RowResult;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderWorkbookTest {

  @TempDir Path folder;

  private static final Object[] HEADER = {
    "Account", "Exchange", "Symbol", "Side", "Quantity", "OrderType", "ProductType", "Notes"
  };
  private static final Object[] ROW = {
    "PAPER1", "NSE", "INFY", "BUY", 1, "MARKET", "MIS", "keep me"
  };

  private HeaderMap header(Path file) throws Exception {
    return OrderSheetReader.read(
        file,
        "Orders",
        new OrderSheetReader.RowSink() {
          @Override
          public void header(HeaderMap header) {}

          @Override
          public void row(io.tradebridge.excel.entity.SheetRow row) {}
        });
  }

  @Test
  void aWorkbookThatCannotBeReplacedGetsItsResultsBesideItAndStaysAsItWas() throws Exception {
    Path file = Workbooks.xlsx(folder.resolve("locked.xlsx"), "Orders", HEADER, ROW);
    byte[] before = Files.readAllBytes(file);
    OrderWorkbook.Replacer lockedByExcel =
        (target, content) -> {
          throw new AccessDeniedException(
              target.toString(), null, "the file is open in another program");
        };
    try (OrderWorkbook workbook = OrderWorkbook.open(file, "Orders", lockedByExcel)) {
      workbook.prepareColumns(
          header(file),
          List.of(Column.STATUS, Column.ORDER_ID, Column.MESSAGE, Column.SUBMITTED_AT));
      workbook.write(
          2,
          RowResult.sent("SUBMITTED", "order-1", null, LocalDateTime.parse("2026-11-23T10:00:00")));
      Path saved = workbook.save(true);
      assertEquals(folder.resolve("locked.results.xlsx").toAbsolutePath(), saved);
      assertTrue(workbook.savedBeside());
    }
    assertArrayEquals(before, Files.readAllBytes(file), "the locked workbook is not touched");
    try (InputStream in = Files.newInputStream(folder.resolve("locked.results.xlsx"));
        Workbook results = WorkbookFactory.create(in)) {
      assertEquals(
          "SUBMITTED", results.getSheet("Orders").getRow(1).getCell(8).getStringCellValue());
      assertEquals("keep me", results.getSheet("Orders").getRow(1).getCell(7).getStringCellValue());
    }
  }

  @Test
  void theWorkbookIdAndTheLedgerSurviveASaveAndTheLedgerIsVeryHidden() throws Exception {
    Path file = Workbooks.xlsx(folder.resolve("orders.xlsx"), "Orders", HEADER, ROW);
    String id;
    try (OrderWorkbook workbook = OrderWorkbook.open(file, "Orders")) {
      assertTrue(workbook.workbookId().isEmpty());
      id = workbook.assignWorkbookId();
      workbook.ledger().put("row:2", "xl.abc.r2.g1", 1, "SUBMITTED", java.time.Instant.now());
      workbook.save(true);
    }
    assertTrue(Files.exists(folder.resolve("orders.bak.xlsx")), "the previous version is kept");
    try (OrderWorkbook reopened = OrderWorkbook.open(file, "Orders")) {
      assertEquals(id, reopened.workbookId().orElseThrow());
      SentLedger.Entry entry = reopened.ledger().get("row:2").orElseThrow();
      assertEquals("xl.abc.r2.g1", entry.clientOrderId());
      assertTrue(entry.hadOutcome());
    }
    try (InputStream in = Files.newInputStream(file);
        Workbook raw = WorkbookFactory.create(in)) {
      assertEquals(
          SheetVisibility.VERY_HIDDEN, raw.getSheetVisibility(raw.getSheetIndex(SentLedger.SHEET)));
      assertEquals(0, raw.getActiveSheetIndex(), "Excel opens on the Orders sheet, not the ledger");
    }
  }

  @Test
  void resultsWrittenOverSeveralSavesReadBackAsTextAndTheLedgerKeepsOneRowPerOrder()
      throws Exception {
    Object[] formatted = {"PAPER1", "NSE", "TCS", "SELL", 2, "MARKET", "MIS", "  padded note  "};
    Path file = Workbooks.xlsx(folder.resolve("runs.xlsx"), "Orders", HEADER, ROW, formatted);
    try (OrderWorkbook workbook = OrderWorkbook.open(file, "Orders")) {
      workbook.prepareColumns(
          header(file),
          List.of(Column.STATUS, Column.ORDER_ID, Column.MESSAGE, Column.SUBMITTED_AT));
      workbook.write(
          2,
          RowResult.sent("SUBMITTED", "order-1", null, LocalDateTime.parse("2026-11-24T10:00:00")));
      workbook.ledger().put("row:2", "xl.abc.r2.g1", 1, "SUBMITTED", java.time.Instant.now());
      workbook.save(true);
      // A later save in the same run: row 3 answered, row 2 cleared and sent again under generation
      // 2.
      workbook.write(
          3,
          new RowResult("REJECTED", null, " insufficient funds ", LocalDateTime.now(), null, null));
      workbook.ledger().put("row:3", "xl.abc.r3.g1", 1, "REJECTED", java.time.Instant.now());
      workbook.ledger().put("row:2", "xl.abc.r2.g2", 2, "SUBMITTED", java.time.Instant.now());
      workbook.save(true);
    }
    try (InputStream in = Files.newInputStream(file);
        Workbook raw = WorkbookFactory.create(in)) {
      org.apache.poi.ss.usermodel.Sheet orders = raw.getSheet("Orders");
      assertEquals("SUBMITTED", orders.getRow(1).getCell(8).getStringCellValue());
      assertEquals("order-1", orders.getRow(1).getCell(9).getStringCellValue());
      assertEquals(
          " insufficient funds ", orders.getRow(2).getCell(10).getStringCellValue(), "spaces kept");
      assertEquals(
          3,
          raw.getSheet(SentLedger.SHEET).getPhysicalNumberOfRows(),
          "a header and one row per order");
    }
    try (OrderWorkbook reopened = OrderWorkbook.open(file, "Orders")) {
      assertEquals(2, reopened.ledger().get("row:2").orElseThrow().generation());
      assertEquals("REJECTED", reopened.ledger().get("row:3").orElseThrow().status());
    }
    List<String> statuses = new java.util.ArrayList<>();
    OrderSheetReader.read(
        file,
        "Orders",
        new OrderSheetReader.RowSink() {
          @Override
          public void header(HeaderMap header) {}

          @Override
          public void row(io.tradebridge.excel.entity.SheetRow row) {
            statuses.add(row.get(Column.STATUS).raw());
          }
        });
    assertEquals(
        List.of("SUBMITTED", "REJECTED"), statuses, "the streaming reader sees what was written");
  }

  @Test
  void theWorkbookIdIsSavedAloneBeforeAnyResultAndALockedFileRefusesIt() throws Exception {
    Path file = Workbooks.xlsx(folder.resolve("first.xlsx"), "Orders", HEADER, ROW);
    String id;
    try (OrderWorkbook workbook = OrderWorkbook.open(file, "Orders")) {
      workbook.prepareColumns(
          header(file),
          List.of(Column.STATUS, Column.ORDER_ID, Column.MESSAGE, Column.SUBMITTED_AT));
      id = workbook.assignWorkbookId();
      workbook.write(2, RowResult.sent("SUBMITTED", "order-1", null, LocalDateTime.now()));
      workbook.saveWorkbookId(true);
    }
    assertTrue(Files.exists(folder.resolve("first.bak.xlsx")), "the previous version is kept");
    try (OrderWorkbook reopened = OrderWorkbook.open(file, "Orders")) {
      assertEquals(id, reopened.workbookId().orElseThrow());
    }
    try (InputStream in = Files.newInputStream(file);
        Workbook raw = WorkbookFactory.create(in)) {
      assertEquals("keep me", raw.getSheet("Orders").getRow(1).getCell(7).getStringCellValue());
      assertEquals(
          null, raw.getSheet("Orders").getRow(1).getCell(8), "results wait for the results' save");
    }

    Path locked = Workbooks.xlsx(folder.resolve("locked-first.xlsx"), "Orders", HEADER, ROW);
    byte[] before = Files.readAllBytes(locked);
    OrderWorkbook.Replacer lockedByExcel =
        (target, content) -> {
          throw new AccessDeniedException(
              target.toString(), null, "the file is open in another program");
        };
    try (OrderWorkbook workbook = OrderWorkbook.open(locked, "Orders", lockedByExcel)) {
      workbook.assignWorkbookId();
      org.junit.jupiter.api.Assertions.assertThrows(
          java.io.IOException.class, () -> workbook.saveWorkbookId(false));
    }
    assertArrayEquals(before, Files.readAllBytes(locked), "nothing written, nothing beside it");
    assertTrue(Files.notExists(folder.resolve("locked-first.results.xlsx")));
  }

  @Test
  void writingBackKeepsFormulasFormattingAndOtherSheetsAndColoursOnlyTheRowsThatNeedALook()
      throws Exception {
    Path file = folder.resolve("desk.xlsx");
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook book =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
      org.apache.poi.ss.usermodel.Sheet orders = book.createSheet("Orders");
      org.apache.poi.ss.usermodel.CellStyle bold = book.createCellStyle();
      org.apache.poi.ss.usermodel.Font font = book.createFont();
      font.setBold(true);
      bold.setFont(font);
      for (int r = 0; r < 3; r++) {
        org.apache.poi.ss.usermodel.Row row = orders.createRow(r);
        Object[] values = r == 0 ? HEADER : ROW;
        for (int c = 0; c < values.length; c++) {
          org.apache.poi.ss.usermodel.Cell cell = row.createCell(c);
          if (values[c] instanceof Number n) {
            cell.setCellValue(n.doubleValue());
          } else {
            cell.setCellValue(values[c].toString());
          }
          if (r == 0) {
            cell.setCellStyle(bold);
          }
        }
      }
      orders.getRow(1).getCell(7).setCellFormula("E2*2");
      book.createSheet("Prices").createRow(0).createCell(0).setCellValue(1234.5);
      try (java.io.OutputStream out = Files.newOutputStream(file)) {
        book.write(out);
      }
    }
    try (OrderWorkbook workbook = OrderWorkbook.open(file, "orders")) {
      workbook.prepareColumns(
          header(file),
          List.of(Column.STATUS, Column.ORDER_ID, Column.MESSAGE, Column.SUBMITTED_AT));
      workbook.write(
          2,
          new RowResult("REJECTED", null, "insufficient funds", LocalDateTime.now(), null, null));
      workbook.write(3, RowResult.sent("SUBMITTED", "order-3", null, LocalDateTime.now()));
      workbook.save(false);
    }
    try (InputStream in = Files.newInputStream(file);
        Workbook raw = WorkbookFactory.create(in)) {
      org.apache.poi.ss.usermodel.Sheet orders = raw.getSheet("Orders");
      assertEquals("Status", orders.getRow(0).getCell(8).getStringCellValue());
      assertTrue(
          raw.getFontAt(orders.getRow(0).getCell(8).getCellStyle().getFontIndex()).getBold(),
          "a new header is styled like its neighbour");
      assertEquals("E2*2", orders.getRow(1).getCell(7).getCellFormula(), "formulas survive");
      assertEquals(
          1234.5,
          raw.getSheet("Prices").getRow(0).getCell(0).getNumericCellValue(),
          "other sheets survive");
      assertEquals(
          org.apache.poi.ss.usermodel.FillPatternType.SOLID_FOREGROUND,
          orders.getRow(1).getCell(8).getCellStyle().getFillPattern(),
          "a rejected row is coloured");
      assertEquals("insufficient funds", orders.getRow(1).getCell(10).getStringCellValue());
      assertEquals(
          org.apache.poi.ss.usermodel.FillPatternType.NO_FILL,
          orders.getRow(2).getCell(8).getCellStyle().getFillPattern());
      assertEquals("order-3", orders.getRow(2).getCell(9).getStringCellValue());
    }
    // The next run places the rejected row: its colour goes, its old message is cleared.
    try (OrderWorkbook workbook = OrderWorkbook.open(file, "Orders")) {
      workbook.prepareColumns(
          header(file),
          List.of(Column.STATUS, Column.ORDER_ID, Column.MESSAGE, Column.SUBMITTED_AT));
      workbook.write(2, RowResult.sent("SUBMITTED", "order-2", null, LocalDateTime.now()));
      workbook.save(false);
    }
    try (InputStream in = Files.newInputStream(file);
        Workbook raw = WorkbookFactory.create(in)) {
      org.apache.poi.ss.usermodel.Row row = raw.getSheet("Orders").getRow(1);
      assertEquals("SUBMITTED", row.getCell(8).getStringCellValue());
      assertEquals(
          org.apache.poi.ss.usermodel.FillPatternType.NO_FILL,
          row.getCell(8).getCellStyle().getFillPattern());
      assertTrue(
          row.getCell(10) == null || row.getCell(10).getStringCellValue().isEmpty(),
          "the old message is gone");
      assertEquals(
          12,
          raw.getSheet("Orders").getRow(0).getLastCellNum(),
          "the output columns were not added twice");
    }
  }

  @Test
  void anOldXlsWorkbookKeepsItsIdInItsDocumentSummary() throws Exception {
    Path file = Workbooks.xls(folder.resolve("old.xls"), "Orders", HEADER, ROW);
    String id;
    try (OrderWorkbook workbook = OrderWorkbook.open(file, "Orders")) {
      id = workbook.assignWorkbookId();
      workbook.save(true);
    }
    assertTrue(Files.exists(folder.resolve("old.bak.xls")));
    try (OrderWorkbook reopened = OrderWorkbook.open(file, "Orders")) {
      assertEquals(id, reopened.workbookId().orElseThrow());
    }
  }

  @Test
  void derivedClientOrderIdsFitTheApisAlphabetAndLength() {
    String id =
        ClientIds.derived(
            "123e4567-e89b-12d3-a456-426614174000", "Orders (Desk 2) – ₹", 1_048_576, 999);
    assertTrue(id.matches("[A-Za-z0-9._:-]{1,64}"), id);
    assertEquals(
        ClientIds.derived("123e4567-e89b-12d3-a456-426614174000", "orders", 2, 1),
        ClientIds.derived("123e4567-e89b-12d3-a456-426614174000", "ORDERS", 2, 1),
        "sheet names match ignoring case");
    assertEquals("my-id.g2", ClientIds.own("my-id", 2));
    assertEquals(null, ClientIds.own("x".repeat(63), 2), "no silent truncation into another id");
  }
}
