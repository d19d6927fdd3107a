package io.tradebridge.excel.boundary;

import io.tradebridge.excel.client.RestGateway;
import io.tradebridge.excel.control.AtomicWrite;
import io.tradebridge.excel.control.GatewayFailure;
import io.tradebridge.excel.control.OrderGateway;
import io.tradebridge.excel.control.Submission;
import io.tradebridge.excel.entity.Outgoing;
import io.tradebridge.excel.entity.RowProblem;
import io.tradebridge.excel.entity.WorkbookRejected;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code submit FILE}: validates, sends the unsent valid rows in batches, writes each row's result
 * back.
 */
@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    description = {
      "Checks every order row of FILE, sends the valid rows not yet handled (in batches of up to 500),"
          + " and writes Status, OrderId, Message and SubmittedAt into each row. The workbook is replaced atomically;"
          + " the previous version is kept as NAME.bak.xlsx. When it cannot be replaced (open in Excel), the results go"
          + " to NAME.results.xlsx.",
      "",
      "Each row is placed once: a row whose Status holds an outcome (SUBMITTED, OPEN, COMPLETE, PENDING_APPROVAL,"
          + " REJECTED, …) is never sent again, and every row goes with a client order id the server remembers, so"
          + " running submit twice, or again after a crash, places nothing new. Clear a row's Status to send it again"
          + " (under a new id). Rows refused with RATE_LIMITED are resent after the time the server asks for.",
      "",
      "Known limit: results are matched by row number (or by ClientOrderId when the row has one), so do not"
          + " insert rows above rows already sent; give such rows a ClientOrderId instead."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every row handled",
      "1:some rows failed validation or were rejected",
      "2:the tool could not run (file unreadable, server unreachable, key refused)"
    })
public class SubmitCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ServerOptions server;

  @Mixin OrderSheetArguments sheetArguments;

  @Option(
      names = "--dry-run",
      description = "check the rows and say what would be sent; send and change nothing")
  boolean dryRun;

  @Option(
      names = "--give-up-after",
      paramLabel = "SECONDS",
      defaultValue = "120",
      description =
          "how long to keep resending rate-limited rows before marking them ERROR (default: ${DEFAULT-VALUE})")
  long giveUpAfter;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Submission.Options options =
        new Submission.Options(
            sheetArguments.sheet,
            dryRun,
            true,
            Submission.Options.SAVE_EVERY,
            Duration.ofSeconds(giveUpAfter),
            0);
    // Connecting (and checking the key) runs while the sheet is read; nothing is written or sent
    // before it succeeds.
    RestGateway client = dryRun ? null : RestGateway.connecting(() -> server.connect(true));
    OrderGateway gateway =
        dryRun
            ? batch -> {
              throw new IllegalStateException("a dry run sends nothing");
            }
            : client;
    try {
      Submission.Report report =
          new Submission(options, gateway, ProgressBars.forSubmit(), Clock.systemDefaultZone())
              .run(sheetArguments.file);
      print(out, report);
      return report.exitCode();
    } catch (WorkbookRejected e) {
      err.println(sheetArguments.file + ": " + e.getMessage());
      return TradebridgeExcel.COULD_NOT_RUN;
    } catch (GatewayFailure e) {
      err.println(sheetArguments.file + ": " + e.getMessage() + "; the results so far are saved");
      return TradebridgeExcel.COULD_NOT_RUN;
    } finally {
      if (client != null) {
        client.close();
      }
    }
  }

  private void print(PrintWriter out, Submission.Report r) {
    List<RowProblem> problems = r.problems();
    problems.stream().limit(ValidateCommand.SHOWN_PROBLEMS).forEach(out::println);
    if (problems.size() > ValidateCommand.SHOWN_PROBLEMS) {
      out.println("… and " + (problems.size() - ValidateCommand.SHOWN_PROBLEMS) + " more problems");
    }
    if (dryRun) {
      // What would leave, row by row, as the server would read it: a trader checks this, not a
      // count.
      for (Outgoing o : r.wouldSend()) {
        out.println(o.summary());
      }
      out.printf(
          "%s: %,d order rows: %,d would be sent, %,d invalid, %,d already handled (dry run: nothing sent,"
              + " nothing changed)%n",
          sheetArguments.file.getFileName(),
          r.orderRows(),
          r.sent(),
          r.invalid(),
          r.alreadyHandled());
    } else {
      out.printf(
          "%s: %,d order rows: %,d sent (%,d placed, %,d awaiting approval, %,d rejected), %,d invalid,"
              + " %,d not sent (ERROR), %,d already handled%n",
          sheetArguments.file.getFileName(),
          r.orderRows(),
          r.sent(),
          r.placed(),
          r.held(),
          r.rejected(),
          r.invalid(),
          r.errors(),
          r.alreadyHandled());
      if (r.stoppedBecause() != null) {
        out.println(
            "stopped early: " + r.stoppedBecause() + "; run submit again when the server is back");
      }
      if (r.savedBeside()) {
        out.println(
            "could not replace "
                + sheetArguments.file.getFileName()
                + " (is it open in Excel?): the results are in "
                + r.savedTo());
      } else if (r.savedTo() == null) {
        out.println(
            "nothing to send: "
                + sheetArguments.file.getFileName()
                + " and its backup are left as they were");
      } else if (r.sent() + r.invalid() + r.errors() > 0) {
        out.println(
            "results written to "
                + sheetArguments.file.getFileName()
                + "; the previous version is kept as "
                + AtomicWrite.sibling(sheetArguments.file, "bak").getFileName());
      }
    }
    out.flush();
  }
}
