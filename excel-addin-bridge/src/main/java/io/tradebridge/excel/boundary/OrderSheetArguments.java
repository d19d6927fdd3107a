package io.tradebridge.excel.boundary;

import io.tradebridge.excel.control.OrderSheetReader;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** FILE and {@code --sheet}, the same on every command that reads an order sheet. */
public class OrderSheetArguments {

  @Parameters(index = "0", paramLabel = "FILE", description = "the workbook (.xlsx, .xlsm or .xls)")
  Path file;

  @Option(
      names = "--sheet",
      paramLabel = "NAME",
      defaultValue = OrderSheetReader.DEFAULT_SHEET,
      description = "the sheet with the orders (default: ${DEFAULT-VALUE})")
  String sheet;
}
