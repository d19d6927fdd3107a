package io.tradebridge.orders.boundary;

import io.tradebridge.access.boundary.Access;
import io.tradebridge.access.boundary.Via;
import io.tradebridge.access.entity.Permission;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.excel.control.HeaderMap;
import io.tradebridge.excel.control.RowValidator;
import io.tradebridge.excel.control.SheetCheck;
import io.tradebridge.excel.control.SheetRefused;
import io.tradebridge.excel.entity.CellValue;
import io.tradebridge.excel.entity.Column;
import io.tradebridge.excel.entity.OrderRow;
import io.tradebridge.excel.entity.RowProblem;
import io.tradebridge.excel.entity.SheetRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/orders/workbook/check}: the Excel add-in's "Check the sheet". The add-in
 * sends the sheet's cells as Excel holds them (a range's values, header row first) and gets back
 * each row's problems in the command-line bridge's own words, with the cell they point at, and each
 * valid row as the order it would send. One set of rules for the bridge, the upload and the add-in:
 * the add-in does not carry a copy of them that could drift.
 */
@ApplicationScoped
@Path("v1/orders/workbook/check")
@Access(
    value = {Via.API_KEY, Via.SESSION},
    requires = Permission.READ)
public class WorkbookCheckResource {

  /** The most rows one check takes: a sheet's orders in a few calls, not an unbounded body. */
  static final int MOST_ROWS = 5_000;

  /** What the add-in sends: {@code values[0]} is the header, at sheet row {@code firstRow}. */
  public record Cells(String sheet, Integer firstRow, List<List<JsonValue>> values) {}

  /**
   * One row's verdict. {@code handled}: its Status already holds an outcome, so it is never sent
   * again (WORKBOOK.md); {@code order}: the order a valid row sends, without a client order id
   * unless the row has its own.
   */
  public record RowCheck(
      int row,
      boolean order,
      boolean handled,
      boolean valid,
      OrderRow request,
      List<RowProblem> problems) {}

  /** The header's columns by their names in this sheet (0-based index), and every row's verdict. */
  public record SheetVerdict(
      int headerRow, Map<String, Integer> columns, int valid, int invalid, List<RowCheck> rows) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public SheetVerdict check(Cells cells) {
    if (cells == null || cells.values() == null || cells.values().isEmpty()) {
      throw TradebridgeException.validation("values", "send the header row and the order rows");
    }
    if (cells.values().size() > MOST_ROWS + 1) {
      throw TradebridgeException.validation(
          "values", "at most " + MOST_ROWS + " rows at once; check the sheet in parts");
    }
    int headerRow = cells.firstRow() == null ? 1 : cells.firstRow();
    if (headerRow < 1) {
      throw TradebridgeException.validation("firstRow", "a sheet's rows start at 1");
    }
    Map<Integer, String> headerCells = new HashMap<>();
    List<JsonValue> header = cells.values().get(0);
    for (int i = 0; i < header.size(); i++) {
      CellValue v = cell(header.get(i));
      if (!v.isBlank()) {
        headerCells.put(i, v.raw());
      }
    }
    HeaderMap map;
    try {
      map = HeaderMap.of(headerRow, headerCells);
    } catch (SheetRefused e) {
      throw TradebridgeException.validation("values", e.getMessage());
    }
    if (!map.missingRequired().isEmpty()) {
      throw TradebridgeException.validation(
          "values",
          "the header lacks "
              + String.join(", ", map.missingRequired().stream().map(Column::header).toList())
              + " (headers match ignoring case, spaces, '_' and '-')");
    }
    Map<String, Integer> columns = new java.util.LinkedHashMap<>();
    for (Column c : Column.values()) {
      map.indexOf(c).ifPresent(i -> columns.put(c.header(), i));
    }
    List<RowCheck> rows = new ArrayList<>();
    int valid = 0;
    int invalid = 0;
    for (int r = 1; r < cells.values().size(); r++) {
      List<JsonValue> values = cells.values().get(r);
      Map<Column, CellValue> known = new EnumMap<>(Column.class);
      for (int i = 0; i < values.size(); i++) {
        int index = i;
        map.columnAt(i).ifPresent(c -> known.put(c, cell(values.get(index))));
      }
      SheetRow row = new SheetRow(headerRow + r, known);
      if (!row.isOrder()) {
        rows.add(new RowCheck(row.rowNumber(), false, false, false, null, List.of()));
        continue;
      }
      boolean handled = SheetCheck.isHandled(row);
      RowValidator.Result result = RowValidator.check(row, map);
      if (result.valid()) {
        valid++;
      } else {
        invalid++;
      }
      rows.add(
          new RowCheck(
              row.rowNumber(), true, handled, result.valid(), result.order(), result.problems()));
    }
    return new SheetVerdict(headerRow, columns, valid, invalid, rows);
  }

  /** A value as Office.js gives it: text, a number, a boolean, or "" for an empty cell. */
  private static CellValue cell(JsonValue v) {
    if (v == null) {
      return CellValue.text("");
    }
    return switch (v.getValueType()) {
      case STRING -> CellValue.text(((JsonString) v).getString());
      case NUMBER -> CellValue.number(((JsonNumber) v).bigDecimalValue().toPlainString());
      case TRUE -> new CellValue(CellValue.Kind.BOOLEAN, "TRUE");
      case FALSE -> new CellValue(CellValue.Kind.BOOLEAN, "FALSE");
      case NULL -> CellValue.text("");
      default -> new CellValue(CellValue.Kind.ERROR, v.toString());
    };
  }
}
