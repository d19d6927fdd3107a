package io.tradebridge.excel.control;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The very hidden sheet {@code _tradebridge}: for each row ever sent, the client order id it was last sent
 * under, its generation and the status written back with it. It is how "cleared for resending" and
 * "crashed before saving" stay apart (WORKBOOK.md): it is saved in the same write as the results, so a
 * row whose results were lost has no newer entry either.
 */
public final class SentLedger {

  public static final String SHEET = "_tradebridge";
  private static final String[] HEADER = {"Key", "ClientOrderId", "Generation", "Status", "SentAt"};

  /** One row's last sending. */
  public record Entry(String clientOrderId, int generation, String status, String sentAt) {

    /** The row got an outcome with this id; a row with an empty Status now was cleared by the trader. */
    public boolean hadOutcome() {
      return status != null && SheetCheck.OUTCOMES.contains(status.toUpperCase(Locale.ROOT));
    }
  }

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  static SentLedger readFrom(Workbook workbook) {
    SentLedger ledger = new SentLedger();
    Sheet sheet = workbook.getSheet(SHEET);
    if (sheet == null) {
      return ledger;
    }
    for (Row row : sheet) {
      if (row.getRowNum() == 0) {
        continue;
      }
      String key = text(row.getCell(0));
      String id = text(row.getCell(1));
      if (key == null || id == null) {
        continue;
      }
      int generation;
      try {
        generation = Integer.parseInt(text(row.getCell(2)));
      } catch (RuntimeException e) {
        generation = 1;
      }
      ledger.entries.put(key, new Entry(id, generation, text(row.getCell(3)), text(row.getCell(4))));
    }
    return ledger;
  }

  public Optional<Entry> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  public void put(String key, String clientOrderId, int generation, String status, Instant at) {
    entries.put(key, new Entry(clientOrderId, generation, status, at == null ? null : at.toString()));
  }

  public int size() {
    return entries.size();
  }

  /** Replaces the sheet with the current entries, very hidden so that only the bridge sees it. */
  void writeTo(Workbook workbook) {
    int index = workbook.getSheetIndex(SHEET);
    if (index >= 0) {
      workbook.removeSheetAt(index);
    }
    Sheet sheet = workbook.createSheet(SHEET);
    Row header = sheet.createRow(0);
    for (int i = 0; i < HEADER.length; i++) {
      header.createCell(i).setCellValue(HEADER[i]);
    }
    int r = 1;
    for (Map.Entry<String, Entry> e : entries.entrySet()) {
      Row row = sheet.createRow(r++);
      row.createCell(0).setCellValue(e.getKey());
      row.createCell(1).setCellValue(e.getValue().clientOrderId());
      row.createCell(2).setCellValue(Integer.toString(e.getValue().generation()));
      if (e.getValue().status() != null) {
        row.createCell(3).setCellValue(e.getValue().status());
      }
      if (e.getValue().sentAt() != null) {
        row.createCell(4).setCellValue(e.getValue().sentAt());
      }
    }
    int hidden = workbook.getSheetIndex(SHEET);
    if (workbook.getActiveSheetIndex() == hidden) {
      workbook.setActiveSheet(0);
    }
    workbook.setSheetVisibility(hidden, SheetVisibility.VERY_HIDDEN);
  }

  private static String text(Cell cell) {
    if (cell == null) {
      return null;
    }
    String value = cell.getCellType() == CellType.NUMERIC ? Long.toString((long) cell.getNumericCellValue())
        : cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : null;
    return value == null || value.isBlank() ? null : value.strip();
  }
}
