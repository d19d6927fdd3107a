package io.tradebridge.excel.control;

import io.tradebridge.excel.entity.Column;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.util.CellReference;

/**
 * Which sheet column holds which of our columns, from the header row (WORKBOOK.md: case, spaces,
 * '_' and '-' ignored; any order; unknown columns left alone).
 */
public final class HeaderMap {

  private final int headerRow;
  private final Map<Integer, Column> byIndex = new HashMap<>();
  private final Map<Column, Integer> indexOf = new EnumMap<>(Column.class);
  private final Map<Column, String> names = new EnumMap<>(Column.class);
  private int lastIndex = -1;

  private HeaderMap(int headerRow) {
    this.headerRow = headerRow;
  }

  /**
   * @param cells the header row's texts by 0-based column index
   * @throws SheetRefused naming a column that appears twice (which one would we read?)
   */
  public static HeaderMap of(int headerRow, Map<Integer, String> cells) {
    HeaderMap map = new HeaderMap(headerRow);
    cells.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            cell -> {
              map.lastIndex = Math.max(map.lastIndex, cell.getKey());
              Column.forHeader(cell.getValue())
                  .ifPresent(
                      column -> {
                        if (map.indexOf.containsKey(column)) {
                          throw new SheetRefused(
                              "the header names "
                                  + column.header()
                                  + " twice (columns "
                                  + letters(map.indexOf.get(column))
                                  + " and "
                                  + letters(cell.getKey())
                                  + ")");
                        }
                        map.byIndex.put(cell.getKey(), column);
                        map.indexOf.put(column, cell.getKey());
                        map.names.put(column, cell.getValue().strip());
                      });
            });
    return map;
  }

  /** Columns an order needs and the header lacks. */
  public List<Column> missingRequired() {
    return List.of(
            Column.ACCOUNT,
            Column.EXCHANGE,
            Column.SYMBOL,
            Column.SIDE,
            Column.QUANTITY,
            Column.ORDER_TYPE,
            Column.PRODUCT_TYPE)
        .stream()
        .filter(c -> !indexOf.containsKey(c))
        .toList();
  }

  public int headerRow() {
    return headerRow;
  }

  public Optional<Column> columnAt(int index) {
    return Optional.ofNullable(byIndex.get(index));
  }

  public Optional<Integer> indexOf(Column column) {
    return Optional.ofNullable(indexOf.get(column));
  }

  /** The header as the trader wrote it ("Trigger Price"), for messages. */
  public Optional<String> nameOf(Column column) {
    return Optional.ofNullable(names.get(column));
  }

  /** "E7" for the column's cell in a 1-based row. */
  public Optional<String> cellOf(Column column, int rowNumber) {
    return indexOf(column).map(i -> letters(i) + rowNumber);
  }

  /** The rightmost column with anything in the header row; output columns are added after it. */
  public int lastIndex() {
    return lastIndex;
  }

  public boolean isEmpty() {
    return byIndex.isEmpty();
  }

  static String letters(int index) {
    return CellReference.convertNumToColString(index);
  }
}
