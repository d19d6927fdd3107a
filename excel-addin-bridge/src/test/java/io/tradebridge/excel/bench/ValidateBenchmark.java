package io.tradebridge.excel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * WORKBOOK.md / issue target: {@code validate} of a 100,000-row workbook with {@code -Xmx256m} in
 * at most 5 s. Runs the shaded jar as a trader would, three times, and prints the times and the
 * median. {@code mvn -o verify -pl excel-addin-bridge -Pbenchmark}
 */
class ValidateBenchmark {

  static final int ROWS = 100_000;
  static final String[] SYMBOLS = {
    "INFY", "SBIN", "TCS", "ITC", "HDFCBANK", "RELIANCE", "LT", "AXISBANK"
  };

  @Test
  void validateOfAHundredThousandRowsWithA256MegabyteHeap() throws Exception {
    Path folder = Files.createDirectories(Path.of("target", "bench"));
    Path workbook = folder.resolve("orders-100k.xlsx");
    long made = System.nanoTime();
    write(workbook);
    System.out.printf(
        Locale.ROOT,
        "wrote %,d rows (%,d bytes) in %.1f s%n",
        ROWS,
        Files.size(workbook),
        (System.nanoTime() - made) / 1e9);
    Path jar = Path.of("target", "tradebridge-excel.jar").toAbsolutePath();
    List<Double> seconds = new ArrayList<>();
    for (int run = 0; run < 3; run++) {
      ProcessBuilder builder =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx256m",
                  "-jar",
                  jar.toString(),
                  "validate",
                  workbook.toString())
              .redirectErrorStream(true)
              .redirectOutput(folder.resolve("validate-" + run + ".log").toFile());
      long started = System.nanoTime();
      int exit = builder.start().waitFor();
      seconds.add((System.nanoTime() - started) / 1e9);
      assertEquals(0, exit, Files.readString(folder.resolve("validate-" + run + ".log")));
    }
    List<Double> sorted = seconds.stream().sorted().toList();
    System.out.printf(
        Locale.ROOT,
        "validate %,d rows, -Xmx256m, whole process: runs %s s, median %.2f s (target <= 5 s)%n",
        ROWS,
        seconds.stream().map(s -> String.format(Locale.ROOT, "%.2f", s)).toList(),
        sorted.get(1));
    System.out.println(Files.readString(folder.resolve("validate-0.log")).strip());
  }

  private static void write(Path file) throws IOException {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
      Sheet sheet = workbook.createSheet("Orders");
      String[] header = {
        "Account",
        "Exchange",
        "Symbol",
        "Side",
        "Quantity",
        "OrderType",
        "ProductType",
        "Price",
        "ClientOrderId",
        "Notes"
      };
      Row top = sheet.createRow(0);
      for (int c = 0; c < header.length; c++) {
        top.createCell(c).setCellValue(header[c]);
      }
      for (int r = 1; r <= ROWS; r++) {
        Row row = sheet.createRow(r);
        boolean limit = r % 3 == 0;
        row.createCell(0).setCellValue("PAPER1");
        row.createCell(1).setCellValue("NSE");
        row.createCell(2).setCellValue(SYMBOLS[r % SYMBOLS.length]);
        row.createCell(3).setCellValue(r % 2 == 0 ? "BUY" : "S");
        row.createCell(4).setCellValue(1 + r % 50);
        row.createCell(5).setCellValue(limit ? "LIMIT" : "MKT");
        row.createCell(6).setCellValue(r % 5 == 0 ? "CNC" : "MIS");
        if (limit) {
          row.createCell(7).setCellValue(100 + r % 900 + 0.05);
        }
        row.createCell(8).setCellValue("bench-" + r);
        row.createCell(9).setCellValue("row " + r);
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        workbook.write(out);
      }
    }
  }
}
