package io.tradebridge.excel.boundary;

import io.tradebridge.excel.client.ApiProblem;
import io.tradebridge.excel.client.RestGateway;
import io.tradebridge.excel.client.TradebridgeClient;
import io.tradebridge.excel.control.GatewayFailure;
import io.tradebridge.excel.control.SheetCheck;
import io.tradebridge.excel.control.StatusRefresh;
import io.tradebridge.excel.control.Submission;
import io.tradebridge.excel.entity.WorkbookRejected;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code watch FILE --arm}: each time FILE is saved, submits its new rows and refreshes statuses.
 */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = {
      "Keeps running and looks at FILE every second. Each time it is saved (and once at the start):"
          + " with --arm, submits the new valid rows and refreshes the statuses of sent rows, as submit and status do;"
          + " without --arm, only validates and reports. Stop it with Ctrl+C.",
      "Save the workbook in Excel to send: rows are sent once, whatever recalculation or saving happens after."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"2:the tool could not go on (key refused, server unreachable at the start)"})
public class WatchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ServerOptions server;

  @Mixin OrderSheetArguments sheetArguments;

  @Option(names = "--arm", description = "send orders; without it the watch only validates")
  boolean arm;

  @Option(
      names = "--interval",
      paramLabel = "MILLIS",
      defaultValue = "1000",
      description = "how often to look at the file (default: ${DEFAULT-VALUE} ms)")
  long interval;

  private record Stamp(FileTime modified, long size) {}

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    TradebridgeClient client = arm ? server.connect(true) : null;
    try {
      out.println(
          "watching "
              + sheetArguments.file
              + (arm ? " (armed: saved rows are sent)" : " (not armed: validating only)")
              + "; Ctrl+C to stop");
      out.flush();
      Stamp seen = null;
      while (!Thread.currentThread().isInterrupted()) {
        Stamp now = stamp();
        if (now != null && !now.equals(seen)) {
          Thread.sleep(Math.min(500, interval));
          if (now.equals(stamp())) {
            // Saved and settled (Excel writes in several steps): one pass, then remember the file
            // as we left it.
            if (!pass(client, out)) {
              return TradebridgeExcel.COULD_NOT_RUN;
            }
            seen = stamp();
            if (client != null && rowsSavedDuringThePass()) {
              // A save landed while the pass wrote its own: its stamp is now "seen", yet its
              // rows were never offered. Look again at once rather than at the next save.
              seen = null;
            }
          }
        }
        Thread.sleep(interval);
      }
      return TradebridgeExcel.ALL_HANDLED;
    } finally {
      if (client != null) {
        client.close();
      }
    }
  }

  private boolean lastPassClean;

  /**
   * After a pass that sent every row it saw without an error, rows still to send can only have been
   * saved while it ran. (After an error the rows wait for the next save, as they always did: no
   * loop against a server that is down.)
   */
  private boolean rowsSavedDuringThePass() {
    if (!lastPassClean) {
      return false;
    }
    try {
      Submission.Report look =
          new Submission(
                  new Submission.Options(
                      sheetArguments.sheet, true, false, Duration.ofDays(1), Duration.ZERO, 0),
                  batch -> List.of(),
                  Submission.Progress.NONE,
                  Clock.systemDefaultZone())
              .run(sheetArguments.file);
      return !look.wouldSend().isEmpty();
    } catch (WorkbookRejected | GatewayFailure | RuntimeException e) {
      return false;
    }
  }

  /**
   * @return false when nothing more can work (the key refused)
   */
  private boolean pass(TradebridgeClient client, PrintWriter out) {
    String time = LocalTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
    lastPassClean = false;
    try {
      if (client == null) {
        SheetCheck.Summary s =
            SheetCheck.run(sheetArguments.file, sheetArguments.sheet, order -> {});
        s.problems().stream().limit(ValidateCommand.SHOWN_PROBLEMS).forEach(out::println);
        out.printf(
            "%s %s: %,d order rows: %,d valid, %,d invalid, %,d already handled%n",
            time,
            sheetArguments.file.getFileName(),
            s.orderRows(),
            s.validRows(),
            s.invalidRows(),
            s.handledRows());
      } else {
        Submission.Report r =
            new Submission(
                    Submission.Options.defaults(sheetArguments.sheet),
                    new RestGateway(client),
                    Submission.Progress.NONE,
                    Clock.systemDefaultZone())
                .run(sheetArguments.file);
        r.problems().stream().limit(ValidateCommand.SHOWN_PROBLEMS).forEach(out::println);
        StatusRefresh.Report status =
            StatusCommand.refresh(client, sheetArguments.file, sheetArguments.sheet);
        lastPassClean = r.errors() == 0 && r.stoppedBecause() == null;
        out.printf(
            "%s %s: %,d sent (%,d placed, %,d awaiting approval, %,d rejected), %,d invalid, %,d not sent;"
                + " %,d statuses refreshed%n",
            time,
            sheetArguments.file.getFileName(),
            r.sent(),
            r.placed(),
            r.held(),
            r.rejected(),
            r.invalid(),
            r.errors(),
            status.updated());
      }
    } catch (WorkbookRejected | IOException | Submission.ResultsNotSaved e) {
      out.println(
          time
              + " "
              + sheetArguments.file.getFileName()
              + ": "
              + e.getMessage()
              + " (will look again at the next save)");
    } catch (GatewayFailure e) {
      out.println(time + " " + e.getMessage());
      return e.kind() != GatewayFailure.Kind.REFUSED;
    } catch (ApiProblem e) {
      out.println(time + " " + e.getMessage());
      return !(e instanceof ApiProblem.KeyRefused);
    } finally {
      out.flush();
    }
    return true;
  }

  private Stamp stamp() {
    try {
      return new Stamp(
          Files.getLastModifiedTime(sheetArguments.file), Files.size(sheetArguments.file));
    } catch (IOException e) {
      return null;
    }
  }
}
