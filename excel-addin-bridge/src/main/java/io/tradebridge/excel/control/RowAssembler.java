package io.tradebridge.excel.control;

import io.tradebridge.excel.entity.CellValue;
import io.tradebridge.excel.entity.Column;
import io.tradebridge.excel.entity.SheetRow;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns a stream of cells (from either file format) into the header and then one {@link SheetRow}
 * at a time, keeping only the columns we know: memory does not grow with the sheet.
 */
final class RowAssembler implements XlsxStreamer.SheetCells {

  private final OrderSheetReader.RowSink sink;
  private HeaderMap header;
  private int currentRow = -1;
  private final Map<Integer, String> headerCells = new HashMap<>();
  private Map<Column, CellValue> cells = new EnumMap<>(Column.class);

  RowAssembler(OrderSheetReader.RowSink sink) {
    this.sink = sink;
  }

  /**
   * A cell of a 1-based row and 0-based column; cells of one row arrive together, rows in order.
   */
  @Override
  public void cell(int rowNumber, int columnIndex, CellValue value) {
    if (rowNumber != currentRow) {
      endRow();
      currentRow = rowNumber;
    }
    if (header == null) {
      if (value.kind() != CellValue.Kind.ERROR && !value.isBlank()) {
        headerCells.put(columnIndex, value.raw());
      }
      return;
    }
    header.columnAt(columnIndex).ifPresent(column -> cells.put(column, value));
  }

  @Override
  public void endRow() {
    if (currentRow < 0) {
      return;
    }
    if (header == null) {
      if (!headerCells.isEmpty()) {
        // The first row with anything in it is the header.
        header = HeaderMap.of(currentRow, headerCells);
        sink.header(header);
      }
    } else if (!cells.isEmpty()) {
      sink.row(new SheetRow(currentRow, cells));
      cells = new EnumMap<>(Column.class);
    }
    currentRow = -1;
  }

  HeaderMap header() {
    return header;
  }
}
