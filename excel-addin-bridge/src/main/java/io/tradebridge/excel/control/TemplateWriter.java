package io.tradebridge.excel.control;

import io.tradebridge.excel.entity.Column;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A ready order workbook (WORKBOOK.md, {@code template}): the Orders sheet with every column and
 * drop-down lists for the columns with fixed values, but no rows; an Examples sheet; and an
 * Instructions sheet. The examples are not on the Orders sheet because a trader who uploads the
 * untouched template must not place them (it once placed a TCS short); the Examples sheet starts
 * with a line of text above its header, so no path reads it as an order sheet even when named.
 */
public final class TemplateWriter {

  static final int VALIDATED_ROWS = 10_000;

  /**
   * The template's columns: the ones an everyday order fills, then the results, so a trader sees
   * Status and OrderId beside the order without scrolling past the columns few orders use (bracket
   * and cover legs, disclosed quantity, tags), which follow.
   */
  static final List<Column> COLUMNS =
      List.of(
          Column.ACCOUNT,
          Column.EXCHANGE,
          Column.SYMBOL,
          Column.SIDE,
          Column.QUANTITY,
          Column.ORDER_TYPE,
          Column.PRODUCT_TYPE,
          Column.PRICE,
          Column.TRIGGER_PRICE,
          Column.STATUS,
          Column.ORDER_ID,
          Column.MESSAGE,
          Column.SUBMITTED_AT,
          Column.FILLED_QUANTITY,
          Column.AVERAGE_PRICE,
          Column.VARIETY,
          Column.VALIDITY,
          Column.TARGET,
          Column.STOPLOSS,
          Column.TRAILING_STOPLOSS,
          Column.DISCLOSED_QUANTITY,
          Column.STRATEGY,
          Column.COMMENTS,
          Column.CLIENT_ORDER_ID);

  private static final Map<Column, List<String>> CHOICES =
      Map.of(
          Column.EXCHANGE, List.copyOf(RowValidator.EXCHANGES.keySet()),
          Column.SIDE, List.of("BUY", "SELL"),
          Column.ORDER_TYPE, List.of("MARKET", "LIMIT", "STOP_LOSS", "SL_MARKET"),
          Column.PRODUCT_TYPE, List.of("INTRADAY", "DELIVERY", "NORMAL"),
          Column.VARIETY, List.of("REGULAR", "BO", "CO"),
          Column.VALIDITY, List.of("DAY", "IOC"));
  private static final Object[][] EXAMPLES = {
    {"PAPER1", "NSE", "INFY", "BUY", 1, "MARKET", "INTRADAY"},
    {"PAPER1", "NSE", "SBIN", "BUY", 10, "LIMIT", "DELIVERY", 900},
    {"PAPER1", "NSE", "TCS", "SELL", 2, "SL_MARKET", "INTRADAY", null, 3000}
  };
  public static final String EXAMPLES_SHEET = "Examples";

  /** Above the Examples sheet's header: what makes it no order sheet. */
  static final String EXAMPLES_NOTE =
      "Examples: copy a row into the Orders sheet to use it. This sheet is never sent.";

  static final int EXAMPLES_HEADER_ROW = 2;

  static final List<String> INSTRUCTIONS =
      List.of(
          "Tradebridge order workbook",
          "",
          "One order per row of the Orders sheet. Headers may be in any order; other columns are left alone.",
          "Required: Account (your pseudo account, e.g. PAPER1), Exchange, Symbol, Side, Quantity, OrderType, ProductType.",
          "Price for LIMIT and STOP_LOSS; TriggerPrice for STOP_LOSS, SL_MARKET and cover (CO) orders;",
          "Target and Stoploss (price distances) for bracket (BO) orders.",
          "Status, OrderId, Message, SubmittedAt, FilledQuantity and AveragePrice are written back by the tool, beside",
          "the order; the columns after them (Variety to ClientOrderId) are for the orders that need them.",
          "Aliases: B/S; MKT, M, L, SL, SL-M; MIS, CNC, NRML. Anything else unknown is an error, never a default.",
          "A row without a Symbol is a note and is skipped. The Examples sheet shows filled-in rows; it is never sent.",
          "",
          "java -jar tradebridge-excel.jar validate FILE   checks every row, offline",
          "java -jar tradebridge-excel.jar submit FILE     sends the rows and writes Status, OrderId, Message back",
          "",
          "Each row is placed once: running submit again sends nothing new. To send a row again, clear its Status.",
          "Do not insert rows above rows already sent: results are matched by row (or by ClientOrderId when filled).");

  private TemplateWriter() {}

  public static void write(Path file) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      Sheet orders = workbook.createSheet(OrderSheetReader.DEFAULT_SHEET);
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      bold.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      bold.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      Row header = orders.createRow(0);
      for (int i = 0; i < COLUMNS.size(); i++) {
        Cell cell = header.createCell(i);
        cell.setCellValue(COLUMNS.get(i).header());
        cell.setCellStyle(bold);
        orders.setColumnWidth(i, Math.max(10, COLUMNS.get(i).header().length() + 3) * 256);
      }
      orders.createFreezePane(0, 1);
      Sheet examples = workbook.createSheet(EXAMPLES_SHEET);
      examples.createRow(0).createCell(0).setCellValue(EXAMPLES_NOTE);
      Row exampleHeader = examples.createRow(EXAMPLES_HEADER_ROW);
      for (int i = 0; i < COLUMNS.size(); i++) {
        Cell cell = exampleHeader.createCell(i);
        cell.setCellValue(COLUMNS.get(i).header());
        cell.setCellStyle(bold);
        examples.setColumnWidth(i, Math.max(10, COLUMNS.get(i).header().length() + 3) * 256);
      }
      for (int r = 0; r < EXAMPLES.length; r++) {
        Row row = examples.createRow(EXAMPLES_HEADER_ROW + 1 + r);
        for (int c = 0; c < EXAMPLES[r].length; c++) {
          Object value = EXAMPLES[r][c];
          if (value instanceof Number n) {
            row.createCell(c).setCellValue(n.doubleValue());
          } else if (value != null) {
            row.createCell(c).setCellValue(value.toString());
          }
        }
      }
      DataValidationHelper helper = orders.getDataValidationHelper();
      CHOICES.forEach(
          (column, values) -> {
            DataValidation validation =
                helper.createValidation(
                    helper.createExplicitListConstraint(values.toArray(String[]::new)),
                    new CellRangeAddressList(
                        1, VALIDATED_ROWS, COLUMNS.indexOf(column), COLUMNS.indexOf(column)));
            validation.setShowErrorBox(true);
            validation.createErrorBox(
                "Tradebridge", column.header() + " must be one of " + String.join(", ", values));
            orders.addValidationData(validation);
          });
      Sheet help = workbook.createSheet("Instructions");
      help.setColumnWidth(0, 120 * 256);
      for (int i = 0; i < INSTRUCTIONS.size(); i++) {
        help.createRow(i).createCell(0).setCellValue(INSTRUCTIONS.get(i));
      }
      AtomicWrite.replace(file, workbook::write);
    }
  }
}
