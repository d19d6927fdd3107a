package io.tradebridge.excel.boundary;

import io.tradebridge.excel.control.TemplateWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code template FILE}: a ready order workbook to fill in. */
@Command(
    name = "template",
    mixinStandardHelpOptions = true,
    description =
        "Writes a ready order workbook: the Orders sheet with every column, drop-down lists for the"
            + " columns with fixed values, example rows to overwrite, and an Instructions sheet.")
public class TemplateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "where to write it (.xlsx)")
  Path file;

  @Option(names = "--force", description = "replace FILE if it exists")
  boolean force;

  @Override
  public Integer call() {
    if (Files.exists(file) && !force) {
      spec.commandLine().getErr().println(file + " exists; add --force to replace it");
      return TradebridgeExcel.COULD_NOT_RUN;
    }
    try {
      TemplateWriter.write(file);
    } catch (IOException e) {
      spec.commandLine().getErr().println("could not write " + file + ": " + e.getMessage());
      return TradebridgeExcel.COULD_NOT_RUN;
    }
    spec.commandLine()
        .getOut()
        .println(
            "wrote "
                + file
                + ": fill in the Orders sheet, then run validate "
                + file.getFileName());
    return TradebridgeExcel.ALL_HANDLED;
  }
}
