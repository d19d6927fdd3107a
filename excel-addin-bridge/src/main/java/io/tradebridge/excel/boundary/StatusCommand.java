package io.tradebridge.excel.boundary;

import io.tradebridge.excel.client.TradebridgeClient;
import io.tradebridge.excel.control.StatusRefresh;
import io.tradebridge.excel.entity.OrderState;
import io.tradebridge.excel.entity.WorkbookRejected;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code status FILE}: refreshes Status, FilledQuantity and AveragePrice of sent rows from the
 * server.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Refreshes Status, FilledQuantity and AveragePrice of the rows of FILE that were sent, from the"
          + " orders the server holds now (an OPEN limit order becomes COMPLETE once filled; a row awaiting approval"
          + " gets its OrderId once a person approves it). Sends no orders."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:refreshed",
      "2:the tool could not run (file unreadable, server unreachable, key refused)"
    })
public class StatusCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ServerOptions server;

  @Mixin OrderSheetArguments sheetArguments;

  @Override
  public Integer call() throws IOException {
    try (TradebridgeClient client = server.connect(false)) {
      StatusRefresh.Report report = refresh(client, sheetArguments.file, sheetArguments.sheet);
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "%s: %,d sent rows, %,d refreshed%s%n",
          sheetArguments.file.getFileName(),
          report.sentRows(),
          report.updated(),
          report.unknown() > 0
              ? ", "
                  + report.unknown()
                  + " with an OrderId the server does not know for this key's user"
              : "");
      out.flush();
      return TradebridgeExcel.ALL_HANDLED;
    } catch (WorkbookRejected e) {
      spec.commandLine().getErr().println(sheetArguments.file + ": " + e.getMessage());
      return TradebridgeExcel.COULD_NOT_RUN;
    }
  }

  static StatusRefresh.Report refresh(TradebridgeClient client, Path file, String sheet)
      throws WorkbookRejected, IOException {
    List<OrderState> orders =
        client.orders().stream()
            .map(
                o ->
                    new OrderState(
                        o.orderId(),
                        o.clientOrderId(),
                        o.status(),
                        o.filledQuantity() == null ? 0 : o.filledQuantity(),
                        o.averagePrice(),
                        o.statusMessage(),
                        o.account(),
                        o.groupOrderId()))
            .toList();
    return StatusRefresh.run(file, sheet, orders, true);
  }
}
