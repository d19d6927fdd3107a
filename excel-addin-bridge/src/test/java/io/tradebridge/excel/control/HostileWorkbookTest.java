package io.tradebridge.excel.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradebridge.excel.entity.WorkbookRejected;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workbooks are untrusted input (WORKBOOK.md, "Hostile files"): each of these ends in a clear
 * message within a few seconds, reads nothing outside the workbook and sends nothing anywhere.
 */
class HostileWorkbookTest {

  private static final String SHEET = "xl/worksheets/sheet1.xml";
  private static final String SHEET_START =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
  private static final String WORKSHEET =
      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">";

  @TempDir Path folder;

  private Path good() throws Exception {
    return Workbooks.xlsx(
        folder.resolve("good.xlsx"),
        "Orders",
        new Object[] {
          "Account", "Exchange", "Symbol", "Side", "Quantity", "OrderType", "ProductType"
        },
        new Object[] {"PAPER1", "NSE", "INFY", "BUY", 1, "MARKET", "INTRADAY"});
  }

  private Path withSheet(String name, String xml) throws Exception {
    return Workbooks.withParts(
        good(), folder.resolve(name), Map.of(SHEET, xml.getBytes(StandardCharsets.UTF_8)));
  }

  private String refusal(Path file) {
    return assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () ->
            assertThrows(WorkbookRejected.class, () -> SheetCheck.run(file, "Orders", row -> {}))
                .getMessage());
  }

  @Test
  void anExternalEntityPointingAtALocalFileIsRefusedUnread() throws Exception {
    Path secret = Files.writeString(folder.resolve("secret.txt"), "TOP-SECRET");
    String message =
        refusal(
            withSheet(
                "xxe.xlsx",
                SHEET_START
                    + "<!DOCTYPE worksheet [<!ENTITY leak SYSTEM \""
                    + secret.toUri()
                    + "\">]>"
                    + WORKSHEET
                    + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&leak;</t></is></c>"
                    + "</row></sheetData></worksheet>"));
    assertTrue(message.contains("XML we refuse"), message);
    assertTrue(!message.contains("TOP-SECRET"), message);
  }

  @Test
  void entityExpansionIsRefused() throws Exception {
    StringBuilder laughs = new StringBuilder("<!DOCTYPE worksheet [<!ENTITY l0 \"lol\">");
    for (int i = 1; i < 10; i++) {
      laughs
          .append("<!ENTITY l")
          .append(i)
          .append(" \"")
          .append(("&l" + (i - 1) + ";").repeat(10))
          .append("\">");
    }
    laughs.append("]>");
    String message =
        refusal(
            withSheet(
                "laughs.xlsx",
                SHEET_START
                    + laughs
                    + WORKSHEET
                    + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&l9;</t></is></c></row></sheetData></worksheet>"));
    assertTrue(message.contains("XML we refuse"), message);
  }

  @Test
  void aZipBombIsRefusedBeforeItExpands() throws Exception {
    Path bomb = folder.resolve("bomb.xlsx");
    // A sheet of 200 MB of one repeated cell: compresses about 1000:1.
    String row = "<c t=\"inlineStr\"><is><t>x</t></is></c>";
    Path big = folder.resolve("sheet.xml");
    try (OutputStream out = Files.newOutputStream(big)) {
      out.write(
          (SHEET_START + WORKSHEET + "<sheetData><row r=\"1\">").getBytes(StandardCharsets.UTF_8));
      byte[] chunk = row.repeat(10_000).getBytes(StandardCharsets.UTF_8);
      for (long written = 0; written < 200_000_000L; written += chunk.length) {
        out.write(chunk);
      }
      out.write("</row></sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
    }
    Workbooks.withParts(good(), bomb, Map.of(SHEET, Files.readAllBytes(big)));
    String message = refusal(bomb);
    assertTrue(message.contains("zip bomb"), message);
  }

  @Test
  void aSheetClaimingCellsBeyondExcelsLastColumnIsRefused() throws Exception {
    String message =
        refusal(
            withSheet(
                "wide.xlsx",
                SHEET_START
                    + WORKSHEET
                    + "<dimension ref=\"A1:ZZZZZZ1\"/><sheetData><row r=\"1\"><c r=\"ZZZZZZ1\" t=\"inlineStr\"><is><t>Account</t></is></c>"
                    + "</row></sheetData></worksheet>"));
    assertEquals("the sheet claims a cell ZZZZZZ1, beyond Excel's last column; refused", message);
  }

  @Test
  void aDimensionClaimingAMillionColumnsCostsNothingWhenTheCellsAreFew() throws Exception {
    Path file =
        withSheet(
            "claims.xlsx",
            SHEET_START
                + WORKSHEET
                + "<dimension ref=\"A1:XFD1048576\"/><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Symbol</t></is></c></row></sheetData></worksheet>");
    String message = refusal(file);
    assertTrue(message.contains("lacks Account"), message);
  }

  @Test
  void aCorruptArchiveOrAnotherKindOfFileIsNamedAsSuch() throws Exception {
    byte[] bytes = Files.readAllBytes(good());
    Path truncated =
        Files.write(
            folder.resolve("truncated.xlsx"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertTrue(refusal(truncated).contains("damaged"), refusal(truncated));
    Path text = Files.writeString(folder.resolve("orders.xlsx"), "Account,Exchange\nPAPER1,NSE\n");
    assertEquals("orders.xlsx is not an Excel workbook (.xlsx, .xlsm or .xls)", refusal(text));
    assertEquals(
        folder.resolve("missing.xlsx") + " does not exist",
        refusal(folder.resolve("missing.xlsx")));
  }

  @Test
  void passwordProtectedWorkbooksOfBothFormatsAreRefusedWithWhatToDo() throws Exception {
    Path encrypted = folder.resolve("locked.xlsx");
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
      Encryptor encryptor = info.getEncryptor();
      encryptor.confirmPassword("trader-secret");
      byte[] plain = Files.readAllBytes(good());
      try (OutputStream out = encryptor.getDataStream(fs)) {
        out.write(plain);
      }
      try (OutputStream file = Files.newOutputStream(encrypted)) {
        fs.writeFilesystem(file);
      }
    }
    assertTrue(
        refusal(encrypted).startsWith("locked.xlsx is password-protected"), refusal(encrypted));

    Path oldLocked = folder.resolve("locked.xls");
    Biff8EncryptionKey.setCurrentUserPassword("trader-secret");
    try (HSSFWorkbook workbook = new HSSFWorkbook();
        OutputStream out = Files.newOutputStream(oldLocked)) {
      workbook.createSheet("Orders").createRow(0).createCell(0).setCellValue("Account");
      workbook.write(out);
    } finally {
      Biff8EncryptionKey.setCurrentUserPassword(null);
    }
    assertTrue(
        refusal(oldLocked).startsWith("locked.xls is password-protected"), refusal(oldLocked));
  }
}
