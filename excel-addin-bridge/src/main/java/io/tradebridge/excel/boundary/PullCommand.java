package io.tradebridge.excel.boundary;

import io.tradebridge.excel.client.TradebridgeClient;
import io.tradebridge.excel.client.Wire;
import io.tradebridge.excel.control.PullWriter;
import io.tradebridge.excel.control.PullWriter.Table;
import io.tradebridge.excel.entity.WorkbookRejected;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pull FILE}: the user's orders, positions, holdings and trading accounts into sheets of
 * FILE.
 */
@Command(
    name = "pull",
    mixinStandardHelpOptions = true,
    description = {
      "Writes your orders, positions, holdings and trading accounts into the sheets Orderbook,"
          + " Positions, Holdings and Accounts of FILE, replacing those sheets (FILE is created when missing)."
          + " The Orders sheet and every other sheet are left as they are. Needs a key with READ."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:written",
      "2:the tool could not run (file unreadable, server unreachable, key refused)"
    })
public class PullCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ServerOptions server;

  @Parameters(index = "0", paramLabel = "FILE", description = "the workbook to write into (.xlsx)")
  Path file;

  @Override
  public Integer call() throws IOException {
    try (TradebridgeClient client = server.connect(false)) {
      List<Wire.Order> orders = client.orders();
      List<Wire.Position> positions = client.positions();
      List<Wire.Holding> holdings = client.holdings();
      List<Wire.TradingAccount> accounts = client.tradingAccounts();
      PullWriter.write(
          file,
          List.of(
              new Table(
                  "Orderbook",
                  List.of(
                      "OrderId",
                      "ClientOrderId",
                      "Account",
                      "Exchange",
                      "Symbol",
                      "Side",
                      "Quantity",
                      "FilledQuantity",
                      "PendingQuantity",
                      "AveragePrice",
                      "OrderType",
                      "ProductType",
                      "Price",
                      "TriggerPrice",
                      "Variety",
                      "Validity",
                      "Status",
                      "StatusMessage",
                      "CreatedAt",
                      "UpdatedAt"),
                  orders.stream()
                      .map(
                          o ->
                              row(
                                  o.orderId(),
                                  o.clientOrderId(),
                                  o.account(),
                                  o.exchange(),
                                  o.symbol(),
                                  o.side(),
                                  o.quantity(),
                                  o.filledQuantity(),
                                  o.pendingQuantity(),
                                  o.averagePrice(),
                                  o.orderType(),
                                  o.productType(),
                                  o.price(),
                                  o.triggerPrice(),
                                  o.variety(),
                                  o.validity(),
                                  o.status(),
                                  o.statusMessage(),
                                  at(o.createdAt()),
                                  at(o.updatedAt())))
                      .toList()),
              new Table(
                  "Positions",
                  List.of(
                      "Account",
                      "Exchange",
                      "Symbol",
                      "ProductType",
                      "NetQuantity",
                      "BuyQuantity",
                      "SellQuantity",
                      "BuyAveragePrice",
                      "SellAveragePrice",
                      "LastPrice",
                      "RealisedPnl",
                      "UnrealisedPnl",
                      "Pnl"),
                  positions.stream()
                      .map(
                          p ->
                              row(
                                  p.account(),
                                  p.exchange(),
                                  p.symbol(),
                                  p.productType(),
                                  p.netQuantity(),
                                  p.buyQuantity(),
                                  p.sellQuantity(),
                                  p.buyAveragePrice(),
                                  p.sellAveragePrice(),
                                  p.lastPrice(),
                                  p.realisedPnl(),
                                  p.unrealisedPnl(),
                                  p.pnl()))
                      .toList()),
              new Table(
                  "Holdings",
                  List.of(
                      "Account",
                      "Exchange",
                      "Symbol",
                      "Quantity",
                      "AveragePrice",
                      "LastPrice",
                      "Pnl"),
                  holdings.stream()
                      .map(
                          h ->
                              row(
                                  h.account(),
                                  h.exchange(),
                                  h.symbol(),
                                  h.quantity(),
                                  h.averagePrice(),
                                  h.lastPrice(),
                                  h.pnl()))
                      .toList()),
              new Table(
                  "Accounts",
                  List.of(
                      "PseudoAccount",
                      "Broker",
                      "LoginId",
                      "Live",
                      "ValidationStatus",
                      "LastValidatedAt"),
                  accounts.stream()
                      .map(
                          a ->
                              row(
                                  a.pseudoAccount(),
                                  a.broker(),
                                  a.loginId(),
                                  a.live(),
                                  a.validationStatus(),
                                  at(a.lastValidatedAt())))
                      .toList())));
      spec.commandLine()
          .getOut()
          .printf(
              "%s: %,d orders, %,d positions, %,d holdings, %,d accounts written to the"
                  + " sheets Orderbook, Positions, Holdings, Accounts%n",
              file.getFileName(),
              orders.size(),
              positions.size(),
              holdings.size(),
              accounts.size());
      spec.commandLine().getOut().flush();
      return TradebridgeExcel.ALL_HANDLED;
    } catch (WorkbookRejected e) {
      spec.commandLine().getErr().println(file + ": " + e.getMessage());
      return TradebridgeExcel.COULD_NOT_RUN;
    }
  }

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  /**
   * An API time as an Excel date-time in this computer's zone (Excel's have none), so the sheet
   * sorts and filters by it; text the API would never send is kept as it came.
   */
  private static Object at(String instant) {
    if (instant == null) {
      return null;
    }
    try {
      return LocalDateTime.ofInstant(Instant.parse(instant), ZoneId.systemDefault());
    } catch (DateTimeParseException e) {
      return instant;
    }
  }
}
