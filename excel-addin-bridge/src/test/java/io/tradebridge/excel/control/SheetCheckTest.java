package io.tradebridge.excel.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradebridge.excel.entity.OrderRow;
import io.tradebridge.excel.entity.RowProblem;
import io.tradebridge.excel.entity.WorkbookRejected;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading and checking order rows as WORKBOOK.md describes, over real .xlsx and .xls files made by
 * POI.
 */
class SheetCheckTest {

  @TempDir Path folder;

  private static final Object[] HEADER = {
    "Account",
    "Exchange",
    "Symbol",
    "Side",
    "Quantity",
    "Order Type",
    "PRODUCT",
    "trigger_price",
    "Price",
    "Notes",
    "Status"
  };

  private List<OrderRow> valid;

  private SheetCheck.Summary check(Path file) throws WorkbookRejected {
    valid = new ArrayList<>();
    return SheetCheck.run(file, "Orders", valid::add);
  }

  private static List<String> messages(SheetCheck.Summary summary) {
    return summary.problems().stream().map(RowProblem::toString).toList();
  }

  @Test
  void
      theFirstNonEmptyRowIsTheHeaderMatchedLooselyAliasesResolveNumbersMayBeTextNotesAndHandledRowsAreSkipped()
          throws Exception {
    Path file =
        Workbooks.xlsx(
            folder.resolve("loose.xlsx"),
            "Orders",
            null,
            null,
            new Object[] {
              "Product",
              "symbol",
              "ACCOUNT",
              "Side",
              "Qty?",
              "order-type",
              "Exchange",
              "Quantity",
              "Price",
              "Status"
            },
            new Object[] {"MIS", "INFY", "PAPER1", "B", "ignored", "MKT", "NSE", " 1,000 "},
            new Object[] {"CNC", "SBIN", "PAPER1", "s", null, "L", "nse", 10.0, "812.50"},
            new Object[] {null, null, "a note without a symbol"},
            new Object[] {
              "NRML", "TCS", "PAPER1", "BUY", null, "MARKET", "NSE", 1, null, "COMPLETE"
            });

    SheetCheck.Summary summary = check(file);

    assertEquals(List.of(), messages(summary));
    assertEquals(3, summary.orderRows());
    assertEquals(1, summary.handledRows());
    assertEquals(2, valid.size());
    OrderRow first = valid.get(0);
    assertEquals(
        List.of(4, "PAPER1", "NSE", "INFY", "BUY", 1000L, "MARKET", "INTRADAY"),
        List.of(
            first.rowNumber(),
            first.account(),
            first.exchange(),
            first.symbol(),
            first.side(),
            first.quantity(),
            first.orderType(),
            first.productType()));
    OrderRow second = valid.get(1);
    assertEquals("SELL", second.side());
    assertEquals("LIMIT", second.orderType());
    assertEquals("DELIVERY", second.productType());
    assertEquals(new BigDecimal("812.50"), second.price());
    assertEquals(10L, second.quantity());
    assertNull(second.variety(), "the server's default applies; the bridge invents nothing");
  }

  @Test
  void eachProblemIsNamedByRowColumnAndCellAndNothingIsSilentlyDefaulted() throws Exception {
    Path file =
        Workbooks.xlsx(
            folder.resolve("bad.xlsx"),
            "Orders",
            HEADER,
            new Object[] {
              "PAPER1", "NSE", "INFY", "BUY", new Workbooks.Rounded(10.5), "MARKET", "INTRADAY"
            },
            new Object[] {"PAPER1", "NSE", "INFY", "BUY", Workbooks.DATE, "MARKET", "INTRADAY"},
            new Object[] {"PAPER1", "NSE", "INFY", "BUY", 1, "STOPLOSS", "INTRADAY"},
            new Object[] {"PAPER1", "NSE", "INFY", "BUY", 1, "MARKET", "INTRADAY", null, 1500},
            new Object[] {"PAPER1", "NSE", "INFY", "BUY", 1, "SL", "INTRADAY", null, 1500},
            new Object[] {"PAPER1", "NSE", "INFY", "HOLD", 0, "M", "MIS"},
            new Object[] {"PAPER1", "NSE", "INFY", "BUY", "=NA()", "MARKET", "INTRADAY"},
            new Object[] {null, "LSE", "INFY", "BUY", "ten", "MARKET", "INTRADAY"});

    SheetCheck.Summary summary = check(file);

    assertEquals(
        List.of(
            "row 2, Quantity (E2): must be a whole number, not 10.5",
            "row 3, Quantity (E3): is a date; it must be a number",
            "row 4, Order Type (F4): must be one of MARKET, LIMIT, STOP_LOSS, SL_MARKET, MKT, M, L, SL, SL-M, not 'STOPLOSS'",
            "row 5, Price (I5): must be empty or 0 for MARKET orders",
            "row 6, trigger_price (H6): is required for STOP_LOSS orders and must be greater than 0",
            "row 7, Side (D7): must be one of BUY, SELL, B, S, not 'HOLD'",
            "row 7, Quantity (E7): must be greater than 0",
            "row 8, Quantity (E8): the cell shows an error (#N/A)",
            "row 9, Account (A9): is required",
            "row 9, Exchange (B9): must be one of NSE, BSE, NFO, BFO, MCX, CDS, not 'LSE'",
            "row 9, Quantity (E9): must be a number, not 'ten'"),
        messages(summary));
    assertEquals(8, summary.invalidRows());
    assertEquals(List.of(), valid);
  }

  @Test
  void formulasCountByTheirCachedValue() throws Exception {
    Path file =
        Workbooks.xlsx(
            folder.resolve("formulas.xlsx"),
            "Orders",
            HEADER,
            new Object[] {"PAPER1", "NSE", "=\"IN\"&\"FY\"", "BUY", "=5*2", "MARKET", "INTRADAY"});
    check(file);
    assertEquals("INFY", valid.get(0).symbol());
    assertEquals(10L, valid.get(0).quantity());
  }

  @Test
  void oldXlsFilesReadTheSame() throws Exception {
    Path file =
        Workbooks.xls(
            folder.resolve("old.xls"),
            "Orders",
            HEADER,
            new Object[] {"PAPER1", "NSE", "INFY", "B", " 25 ", "MKT", "MIS"},
            new Object[] {
              "PAPER1", "NSE", "INFY", "BUY", new Workbooks.Rounded(2.5), "MARKET", "INTRADAY"
            });
    SheetCheck.Summary summary = check(file);
    assertEquals(
        List.of("row 3, Quantity (E3): must be a whole number, not 2.5"), messages(summary));
    assertEquals(25L, valid.get(0).quantity());
  }

  @Test
  void aMissingSheetOrRequiredColumnOrATwiceNamedColumnIsRefusedWithWhatToDo() throws Exception {
    Path otherSheet = Workbooks.xlsx(folder.resolve("sheet.xlsx"), "Sheet1", HEADER);
    assertEquals(
        "the workbook has no sheet named 'Orders' (it has Sheet1); choose one with --sheet",
        assertThrows(WorkbookRejected.class, () -> check(otherSheet)).getMessage());
    Path noSide =
        Workbooks.xlsx(
            folder.resolve("noside.xlsx"),
            "Orders",
            new Object[] {"Account", "Exchange", "Symbol", "Quantity", "OrderType", "ProductType"});
    assertTrue(
        assertThrows(WorkbookRejected.class, () -> check(noSide))
            .getMessage()
            .contains("lacks Side"));
    Path twice =
        Workbooks.xlsx(
            folder.resolve("twice.xlsx"),
            "Orders",
            new Object[] {
              "Account",
              "Exchange",
              "Symbol",
              "Side",
              "Quantity",
              "OrderType",
              "ProductType",
              "QUANTITY"
            });
    assertEquals(
        "the header names Quantity twice (columns E and H)",
        assertThrows(WorkbookRejected.class, () -> check(twice)).getMessage());
  }
}
