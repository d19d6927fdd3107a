package io.tradebridge.excel.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Builds test workbooks with POI the way a trader's sheet looks: rows of values where a String is a
 * text cell, a Number a numeric cell, "=…" a formula (its cached value computed before saving), and
 * the {@link #DATE} / {@link #ROUNDED} markers special cells.
 */
final class Workbooks {

  /** Put {@code new Dated(…)} in a row for a date-formatted numeric cell. */
  record Dated(double excelDate) {}

  /** A numeric cell displayed with format "0": 10.5 shows as 11 in Excel. */
  record Rounded(double value) {}

  static final Object DATE = new Dated(46000);

  private Workbooks() {}

  static Path xlsx(Path file, String sheet, Object[]... rows) throws IOException {
    try (Workbook workbook = new XSSFWorkbook()) {
      return save(workbook, file, sheet, rows);
    }
  }

  static Path xls(Path file, String sheet, Object[]... rows) throws IOException {
    try (Workbook workbook = new HSSFWorkbook()) {
      return save(workbook, file, sheet, rows);
    }
  }

  private static Path save(Workbook workbook, Path file, String sheetName, Object[]... rows)
      throws IOException {
    Sheet sheet = workbook.createSheet(sheetName);
    CellStyle date = workbook.createCellStyle();
    date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd-mmm-yyyy"));
    CellStyle whole = workbook.createCellStyle();
    whole.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("0"));
    for (int r = 0; r < rows.length; r++) {
      if (rows[r] == null) {
        continue;
      }
      Row row = sheet.createRow(r);
      for (int c = 0; c < rows[r].length; c++) {
        Object value = rows[r][c];
        if (value == null) {
          continue;
        }
        Cell cell = row.createCell(c);
        if (value instanceof Number n) {
          cell.setCellValue(n.doubleValue());
        } else if (value instanceof Dated d) {
          cell.setCellValue(d.excelDate());
          cell.setCellStyle(date);
        } else if (value instanceof Rounded rounded) {
          cell.setCellValue(rounded.value());
          cell.setCellStyle(whole);
        } else if (value instanceof String s && s.startsWith("=")) {
          cell.setCellFormula(s.substring(1));
        } else {
          cell.setCellValue(value.toString());
        }
      }
    }
    workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
    try (OutputStream out = Files.newOutputStream(file)) {
      workbook.write(out);
    }
    return file;
  }

  /** A copy of an .xlsx with some of its parts replaced (hostile variants of a good file). */
  static Path withParts(Path source, Path target, Map<String, byte[]> replacements)
      throws IOException {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(source));
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        out.putNextEntry(new ZipEntry(entry.getName()));
        byte[] replacement = replacements.get(entry.getName());
        out.write(replacement != null ? replacement : in.readAllBytes());
        out.closeEntry();
      }
    }
    return target;
  }

  static byte[] read(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    in.transferTo(bytes);
    return bytes.toByteArray();
  }
}
