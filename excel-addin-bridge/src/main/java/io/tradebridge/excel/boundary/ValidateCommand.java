package io.tradebridge.excel.boundary;

import io.tradebridge.excel.control.SheetCheck;
import io.tradebridge.excel.entity.RowProblem;
import io.tradebridge.excel.entity.WorkbookRejected;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code validate FILE}: checks every row offline and names each problem by row and column. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks every order row of FILE offline, the way the server would, and reports each problem by"
          + " row, column and cell. Sends nothing and changes nothing.",
      "Rows without a Symbol are notes; rows whose Status holds an outcome (SUBMITTED, OPEN, COMPLETE, …) were"
          + " already handled and are not checked again."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every row to send is valid",
      "1:some rows are invalid",
      "2:the workbook cannot be read"
    })
public class ValidateCommand implements Callable<Integer> {

  /** Enough to fix a sheet by; the count says how many more there are. */
  static final int SHOWN_PROBLEMS = 200;

  @Spec CommandSpec spec;

  @Mixin OrderSheetArguments sheetArguments;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SheetCheck.Summary summary;
    try {
      summary = SheetCheck.run(sheetArguments.file, sheetArguments.sheet, order -> {});
    } catch (WorkbookRejected e) {
      err.println(sheetArguments.file + ": " + e.getMessage());
      return TradebridgeExcel.COULD_NOT_RUN;
    }
    int shown = 0;
    for (RowProblem problem : summary.problems()) {
      if (shown++ == SHOWN_PROBLEMS) {
        break;
      }
      out.println(problem);
    }
    if (summary.problemCount() > SHOWN_PROBLEMS) {
      out.println("… and " + (summary.problemCount() - SHOWN_PROBLEMS) + " more problems");
    }
    out.printf(
        "%s: %,d order rows: %,d valid, %,d invalid, %,d already handled%n",
        sheetArguments.file.getFileName(),
        summary.orderRows(),
        summary.validRows(),
        summary.invalidRows(),
        summary.handledRows());
    out.flush();
    return summary.invalidRows() > 0 ? TradebridgeExcel.ROWS_FAILED : TradebridgeExcel.ALL_HANDLED;
  }
}
