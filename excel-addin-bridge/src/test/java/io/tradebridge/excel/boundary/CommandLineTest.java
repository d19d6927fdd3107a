package io.tradebridge.excel.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command line as a trader uses it: template, fill in, validate; help everywhere; WORKBOOK.md's
 * exit codes.
 */
class CommandLineTest {

  @TempDir Path folder;

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine line = TradebridgeExcel.commandLine();
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    int exit = line.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void aTemplateValidatesCleanlyAndCarriesDropDownsAndInstructions() throws Exception {
    Path file = folder.resolve("orders.xlsx");
    Run template = run("template", file.toString());
    assertEquals(0, template.exit(), template.err());

    Run validate = run("validate", file.toString());
    assertEquals(0, validate.exit(), validate.out() + validate.err());
    assertEquals(
        "orders.xlsx: 0 order rows: 0 valid, 0 invalid, 0 already handled",
        validate.out().strip(),
        "the untouched template holds no order: uploading it places nothing");
    Run examples = run("validate", "--sheet", "Examples", file.toString());
    assertEquals(2, examples.exit(), "the Examples sheet is no order sheet, even when named");

    useTheExamples(file);
    Run filled = run("validate", file.toString());
    assertEquals(
        "orders.xlsx: 3 order rows: 3 valid, 0 invalid, 0 already handled",
        filled.out().strip(),
        "copied onto the Orders sheet, the examples are valid orders");

    try (Workbook workbook = WorkbookFactory.create(file.toFile())) {
      Sheet orders = workbook.getSheet("Orders");
      // The results sit right after the everyday order columns, before the rarely used ones.
      List<String> header = new java.util.ArrayList<>();
      orders.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
      assertEquals(
          List.of("Price", "TriggerPrice", "Status", "OrderId", "Message", "SubmittedAt"),
          header.subList(7, 13));
      assertEquals("ClientOrderId", header.get(header.size() - 1));
      assertTrue(
          orders.getDataValidations().stream()
              .anyMatch(
                  v ->
                      v.getRegions().getCellRangeAddress(0).getFirstColumn()
                              == header.indexOf("Variety")
                          && java.util.Arrays.asList(
                                  v.getValidationConstraint().getExplicitListValues())
                              .contains("BO")),
          "the Variety drop-down sits on the Variety column");
      assertEquals(
          6,
          orders.getDataValidations().size(),
          "drop-downs for Exchange, Side, OrderType, ProductType, Variety, Validity");
      assertTrue(
          workbook
              .getSheet("Instructions")
              .getRow(0)
              .getCell(0)
              .getStringCellValue()
              .contains("Tradebridge"));
    }
    Run again = run("template", file.toString());
    assertEquals(2, again.exit());
    assertTrue(again.err().contains("--force"), again.err());
  }

  @Test
  void validateListsEachProblemAndExitsOneWhenARowIsInvalid() throws Exception {
    Path file = folder.resolve("orders.xlsx");
    run("template", file.toString());
    useTheExamples(file);
    try (Workbook workbook = WorkbookFactory.create(Files.newInputStream(file))) {
      Row row = workbook.getSheet("Orders").getRow(1);
      row.getCell(4).setCellValue("10.5");
      row.getCell(5).setCellValue("STOPLOSS");
      try (var out = Files.newOutputStream(file)) {
        workbook.write(out);
      }
    }
    Run validate = run("validate", file.toString());
    assertEquals(1, validate.exit());
    assertEquals(
        """
        row 2, Quantity (E2): must be a whole number, not 10.5
        row 2, OrderType (F2): must be one of MARKET, LIMIT, STOP_LOSS, SL_MARKET, MKT, M, L, SL, SL-M, not 'STOPLOSS'
        orders.xlsx: 3 order rows: 2 valid, 1 invalid, 0 already handled""",
        validate.out().strip());
  }

  @Test
  void anUnreadableFileOrBadUsageExitsTwoWithAMessage() throws Exception {
    Run missing = run("validate", folder.resolve("nope.xlsx").toString());
    assertEquals(2, missing.exit());
    assertTrue(missing.err().contains("does not exist"), missing.err());
    Run noCommand = run();
    assertEquals(2, noCommand.exit());
    Run unknownOption = run("validate", "--sheat", "x", "file.xlsx");
    assertEquals(2, unknownOption.exit());
    assertTrue(unknownOption.err().contains("--sheat"), unknownOption.err());
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : new String[] {"template", "validate"}) {
      Run help = run(command, "--help");
      assertEquals(0, help.exit());
      assertTrue(help.out().contains("Usage: tradebridge-excel " + command), help.out());
    }
    Run top = run("--help");
    assertTrue(top.out().contains("Exit codes:") && top.out().contains("validate"), top.out());
  }

  /**
   * What a trader does with the template: copies the Examples sheet's rows onto the Orders sheet.
   */
  static void useTheExamples(Path file) throws Exception {
    try (Workbook workbook = WorkbookFactory.create(Files.newInputStream(file))) {
      Sheet examples = workbook.getSheet("Examples");
      Sheet orders = workbook.getSheet("Orders");
      for (int r = 0; r < 3; r++) {
        Row from = examples.getRow(3 + r);
        Row to = orders.createRow(1 + r);
        for (int c = 0; c < from.getLastCellNum(); c++) {
          org.apache.poi.ss.usermodel.Cell cell = from.getCell(c);
          if (cell == null) {
            continue;
          }
          if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
            to.createCell(c).setCellValue(cell.getNumericCellValue());
          } else {
            to.createCell(c).setCellValue(cell.getStringCellValue());
          }
        }
      }
      try (var out = Files.newOutputStream(file)) {
        workbook.write(out);
      }
    }
  }
}
