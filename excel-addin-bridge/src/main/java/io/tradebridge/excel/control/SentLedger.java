package io.tradebridge.excel.control;

import io.tradebridge.excel.entity.CellValue;
import io.tradebridge.excel.entity.WorkbookRejected;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The very hidden sheet {@code _tradebridge}: for each row ever sent, the client order id it was
 * last sent under, its generation and the status written back with it. It is how "cleared for
 * resending" and "crashed before saving" stay apart (WORKBOOK.md): it is saved in the same write as
 * the results, so a row whose results were lost has no newer entry either.
 */
public final class SentLedger {

  public static final String SHEET = "_tradebridge";
  static final String[] HEADER = {"Key", "ClientOrderId", "Generation", "Status", "SentAt"};

  /** One row's last sending. */
  public record Entry(String clientOrderId, int generation, String status, String sentAt) {

    /**
     * The row got an outcome with this id; a row with an empty Status now was cleared by the
     * trader.
     */
    public boolean hadOutcome() {
      return status != null && SheetCheck.OUTCOMES.contains(status.toUpperCase(Locale.ROOT));
    }
  }

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  /**
   * The ledger sheet's row of each key read or written; absent for entries not in the sheet yet.
   */
  private final Map<String, Integer> rows = new HashMap<>();

  /**
   * Entries changed since the last {@link #writeTo}: only these are written, so a save costs what
   * changed.
   */
  private final Set<String> changed = new LinkedHashSet<>();

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
      ledger.entries.put(
          key, new Entry(id, generation, text(row.getCell(3)), text(row.getCell(4))));
      ledger.rows.put(key, row.getRowNum());
    }
    return ledger;
  }

  /**
   * The ledger of an {@code .xlsx}, streamed from its sheet: no document model of the workbook is
   * built (an empty ledger when the workbook has none yet).
   */
  static SentLedger readFrom(Path file) throws WorkbookRejected {
    SentLedger ledger = new SentLedger();
    String[] row = new String[HEADER.length];
    XlsxStreamer.streamIfPresent(
        file,
        SHEET,
        new XlsxStreamer.SheetCells() {
          private int current;

          @Override
          public void cell(int rowNumber, int columnIndex, CellValue value) {
            current = rowNumber;
            if (columnIndex < row.length && !value.isBlank()) {
              row[columnIndex] = value.raw().strip();
            }
          }

          @Override
          public void endRow() {
            if (current > 1 && row[0] != null && row[1] != null) {
              int generation;
              try {
                generation = new java.math.BigDecimal(row[2]).intValueExact();
              } catch (RuntimeException e) {
                generation = 1;
              }
              ledger.entries.put(row[0], new Entry(row[1], generation, row[3], row[4]));
            }
            java.util.Arrays.fill(row, null);
          }
        });
    return ledger;
  }

  /** Every entry, in the order first sent. */
  Map<String, Entry> entries() {
    return java.util.Collections.unmodifiableMap(entries);
  }

  public Optional<Entry> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  public void put(String key, String clientOrderId, int generation, String status, Instant at) {
    entries.put(
        key, new Entry(clientOrderId, generation, status, at == null ? null : at.toString()));
    changed.add(key);
  }

  public int size() {
    return entries.size();
  }

  /**
   * Writes the entries changed since the last call into the very hidden sheet, creating it when
   * missing; rows of unchanged entries are left as they are. (Rewriting the whole sheet on every
   * save cost a 10,000-row run a quarter of its time, and left every earlier copy's strings in the
   * file.)
   */
  void writeTo(Workbook workbook) {
    Sheet sheet = workbook.getSheet(SHEET);
    if (sheet == null) {
      sheet = workbook.createSheet(SHEET);
      Row header = sheet.createRow(0);
      for (int i = 0; i < HEADER.length; i++) {
        header.createCell(i).setCellValue(HEADER[i]);
      }
      rows.clear();
      changed.addAll(entries.keySet());
    }
    int next = sheet.getLastRowNum() + 1;
    for (String key : changed) {
      Entry entry = entries.get(key);
      Integer at = rows.get(key);
      Row row = at == null ? null : sheet.getRow(at);
      if (row == null) {
        row = sheet.createRow(next);
        rows.put(key, next++);
      }
      put(row, 0, key);
      put(row, 1, entry.clientOrderId());
      put(row, 2, Integer.toString(entry.generation()));
      put(row, 3, entry.status());
      put(row, 4, entry.sentAt());
    }
    changed.clear();
    int hidden = workbook.getSheetIndex(SHEET);
    if (workbook.getActiveSheetIndex() == hidden) {
      workbook.setActiveSheet(0);
    }
    workbook.setSheetVisibility(hidden, SheetVisibility.VERY_HIDDEN);
  }

  private static void put(Row row, int column, String value) {
    Cell cell = row.getCell(column);
    if (value == null) {
      if (cell != null) {
        row.removeCell(cell);
      }
      return;
    }
    (cell != null ? cell : row.createCell(column)).setCellValue(value);
  }

  private static String text(Cell cell) {
    if (cell == null) {
      return null;
    }
    String value =
        cell.getCellType() == CellType.NUMERIC
            ? Long.toString((long) cell.getNumericCellValue())
            : cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : null;
    return value == null || value.isBlank() ? null : value.strip();
  }
}
