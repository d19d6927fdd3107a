package io.tradebridge.excel.entity;

import java.util.Map;

/**
 * A row of the Orders sheet as read: its 1-based row number (as Excel shows it) and the cells of
 * the columns we know, by column. Unknown columns are not carried: nothing of ours ever changes
 * them.
 */
public record SheetRow(int rowNumber, Map<Column, CellValue> cells) {

  public CellValue get(Column column) {
    return cells.get(column);
  }

  /** Blank lines and notes: a row without a symbol is not an order. */
  public boolean isOrder() {
    CellValue symbol = cells.get(Column.SYMBOL);
    return symbol != null && !symbol.isBlank();
  }
}
