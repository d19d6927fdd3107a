package io.tradebridge.excel.control;

import io.tradebridge.excel.entity.WorkbookRejected;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * {@code pull}: writes tables from the server (orders, positions, holdings, accounts) into sheets
 * of their own, replacing those sheets where they are and creating the workbook when it is missing.
 * The Orders sheet and every other sheet stay as they were.
 */
public final class PullWriter {

  /**
   * One sheet's content: a header and rows of values (String, Number, Boolean, LocalDateTime or
   * null), each written as the cell type Excel sorts and sums by: numbers as numbers, booleans as
   * TRUE/FALSE, times as date-times.
   */
  public record Table(String sheet, List<String> header, List<List<Object>> rows) {}

  private PullWriter() {}

  public static Path write(Path file, List<Table> tables) throws WorkbookRejected, IOException {
    PoiLimits.apply();
    boolean existed = Files.exists(file);
    if (existed) {
      // The streaming reader refuses hostile and protected files before the whole workbook is
      // loaded.
      OrderSheetReader.probe(file);
    }
    Workbook workbook;
    try (InputStream in = existed ? Files.newInputStream(file) : null) {
      workbook = existed ? WorkbookFactory.create(in) : new XSSFWorkbook();
    } catch (IOException | RuntimeException e) {
      throw new WorkbookRejected(
          file.getFileName() + " cannot be opened (" + Messages.brief(e) + ")", e);
    }
    try (workbook) {
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      CellStyle dateTime = workbook.createCellStyle();
      dateTime.setDataFormat(workbook.createDataFormat().getFormat(OrderWorkbook.DATE_TIME_FORMAT));
      for (Table table : tables) {
        if (table.sheet().equalsIgnoreCase(OrderSheetReader.DEFAULT_SHEET)) {
          throw new IllegalArgumentException("pull never writes the Orders sheet");
        }
        int at = workbook.getSheetIndex(table.sheet());
        if (at >= 0) {
          workbook.removeSheetAt(at);
        }
        Sheet sheet = workbook.createSheet(table.sheet());
        if (at >= 0) {
          workbook.setSheetOrder(table.sheet(), at);
        }
        Row header = sheet.createRow(0);
        for (int c = 0; c < table.header().size(); c++) {
          header.createCell(c).setCellValue(table.header().get(c));
          header.getCell(c).setCellStyle(bold);
          sheet.setColumnWidth(c, Math.max(12, table.header().get(c).length() + 3) * 256);
        }
        sheet.createFreezePane(0, 1);
        int r = 1;
        for (List<Object> values : table.rows()) {
          Row row = sheet.createRow(r++);
          for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value instanceof BigDecimal d) {
              row.createCell(c).setCellValue(d.doubleValue());
            } else if (value instanceof Number n) {
              row.createCell(c).setCellValue(n.doubleValue());
            } else if (value instanceof Boolean b) {
              row.createCell(c).setCellValue(b);
            } else if (value instanceof LocalDateTime t) {
              Cell cell = row.createCell(c);
              cell.setCellValue(t);
              cell.setCellStyle(dateTime);
            } else if (value != null) {
              row.createCell(c).setCellValue(value.toString());
            }
          }
        }
      }
      if (existed) {
        Files.copy(file, AtomicWrite.sibling(file, "bak"), StandardCopyOption.REPLACE_EXISTING);
      }
      AtomicWrite.replace(file, workbook::write);
    }
    return file;
  }
}
