package io.tradebridge.excel.boundary;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar tradebridge-excel.jar <command>}: order workbooks to Tradebridge and back
 * (WORKBOOK.md). Exit codes: 0 every row handled, 1 some rows invalid or rejected, 2 the tool could
 * not run.
 */
@Command(
    name = "tradebridge-excel",
    mixinStandardHelpOptions = true,
    version = "tradebridge-excel 0.1.0",
    description =
        "Order workbooks to Tradebridge and back: each row placed once, results written beside it.",
    subcommands = {
      TemplateCommand.class,
      ValidateCommand.class,
      SubmitCommand.class,
      StatusCommand.class,
      PullCommand.class,
      WatchCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every row handled",
      "1:some rows failed validation or were rejected",
      "2:the tool could not run (file unreadable, server unreachable, key refused)"
    })
public class TradebridgeExcel implements Runnable {

  public static final int ALL_HANDLED = 0;
  public static final int ROWS_FAILED = 1;
  public static final int COULD_NOT_RUN = 2;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a command, e.g. validate FILE");
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The command line with our exit codes: bad usage is "could not run" (2), as is any unexpected
   * failure.
   */
  public static CommandLine commandLine() {
    CommandLine line = new CommandLine(new TradebridgeExcel());
    line.setParameterExceptionHandler(
        (e, args) -> {
          e.getCommandLine().getErr().println(e.getMessage());
          e.getCommandLine()
              .getErr()
              .println("See '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          return COULD_NOT_RUN;
        });
    line.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("tradebridge-excel could not run: " + e.getMessage());
          return COULD_NOT_RUN;
        });
    return line;
  }
}
