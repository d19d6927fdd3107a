package io.tradebridge.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Order workbooks as a trader keeps them, written and read with POI: what Excel would show. */
public final class OrderSheets {

  static final List<String> HEADER =
      List.of(
          "Account",
          "Exchange",
          "Symbol",
          "Side",
          "Quantity",
          "OrderType",
          "ProductType",
          "Price",
          "Note");

  private OrderSheets() {}

  /**
   * An Orders sheet with the header and rows (numbers as numeric cells), a formula column and a
   * second sheet.
   */
  public static void write(Path file, List<List<Object>> rows) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      Sheet sheet = workbook.createSheet("Orders");
      Row header = sheet.createRow(0);
      for (int i = 0; i < HEADER.size(); i++) {
        header.createCell(i).setCellValue(HEADER.get(i));
      }
      for (int r = 0; r < rows.size(); r++) {
        fill(sheet.createRow(r + 1), rows.get(r));
      }
      workbook.createSheet("Notes").createRow(0).createCell(0).setCellValue("my own notes");
      save(workbook, file);
    }
  }

  public static List<Object> order(
      String symbol, String side, Object quantity, String type, Object price) {
    List<Object> row =
        new ArrayList<>(List.of("PAPER1", "NSE", symbol, side, quantity, type, "INTRADAY"));
    row.add(price);
    return row;
  }

  private static void fill(Row row, List<Object> values) {
    for (int c = 0; c < values.size(); c++) {
      Object value = values.get(c);
      if (value instanceof Number n) {
        row.createCell(c).setCellValue(n.doubleValue());
      } else if (value instanceof String s && s.startsWith("=")) {
        row.createCell(c).setCellFormula(s.substring(1));
      } else if (value != null) {
        row.createCell(c).setCellValue(value.toString());
      }
    }
  }

  /** Appends a row below the last one, the way a trader adds an order and saves. */
  public static void append(Path file, List<Object> values) throws IOException {
    edit(file, sheet -> fill(sheet.createRow(sheet.getLastRowNum() + 1), values));
  }

  /** Clears one cell, the way a trader clears a Status to send a row again. */
  static void clear(Path file, int rowNumber, String header) throws IOException {
    edit(
        file,
        sheet -> {
          Cell cell = sheet.getRow(rowNumber - 1).getCell(column(sheet, header));
          if (cell != null) {
            cell.setBlank();
          }
        });
  }

  static void set(Path file, int rowNumber, String header, Object value) throws IOException {
    edit(
        file,
        sheet -> {
          Row row = sheet.getRow(rowNumber - 1);
          Cell cell = row.getCell(column(sheet, header));
          cell = cell == null ? row.createCell(column(sheet, header)) : cell;
          if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
          } else {
            cell.setCellValue(value.toString());
          }
        });
  }

  /**
   * The text Excel would show in a row's cell under a header ("" when empty or the column is
   * missing).
   */
  public static String cell(Path file, int rowNumber, String header) throws IOException {
    return cell(file, "Orders", rowNumber, header);
  }

  public static String cell(Path file, String sheetName, int rowNumber, String header)
      throws IOException {
    try (Workbook workbook = open(file)) {
      Sheet sheet = workbook.getSheet(sheetName);
      int column = column(sheet, header);
      Row row = sheet.getRow(rowNumber - 1);
      if (column < 0 || row == null || row.getCell(column) == null) {
        return "";
      }
      Cell cell = row.getCell(column);
      return cell.getCellType() == CellType.FORMULA
          ? "=" + cell.getCellFormula()
          : new DataFormatter().formatCellValue(cell);
    }
  }

  public static Workbook open(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return WorkbookFactory.create(in);
    }
  }

  static int column(Sheet sheet, String header) {
    Row row = sheet.getRow(0);
    for (Cell cell : row) {
      if (cell.getCellType() == CellType.STRING
          && cell.getStringCellValue().equalsIgnoreCase(header)) {
        return cell.getColumnIndex();
      }
    }
    return -1;
  }

  private interface SheetEdit {
    void apply(Sheet sheet);
  }

  private static void edit(Path file, SheetEdit edit) throws IOException {
    try (Workbook workbook = open(file)) {
      edit.apply(workbook.getSheet("Orders"));
      save(workbook, file);
    }
  }

  /**
   * Saved to a temporary file and moved over the old one, as Excel does: a watcher never sees half
   * a file.
   */
  private static void save(Workbook workbook, Path file) throws IOException {
    Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".save", ".tmp");
    try (OutputStream out = Files.newOutputStream(temporary)) {
      workbook.write(out);
    }
    Files.move(
        temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
