package io.tradebridge.excel.control;

import io.tradebridge.excel.entity.CellValue;
import io.tradebridge.excel.entity.Column;
import io.tradebridge.excel.entity.OrderState;
import io.tradebridge.excel.entity.RowResult;
import io.tradebridge.excel.entity.SheetRow;
import io.tradebridge.excel.entity.WorkbookRejected;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code status}: refreshes Status, FilledQuantity and AveragePrice of the rows that were sent,
 * from the server's orders. A row is matched by its OrderId cell, or — for an order a person
 * approved after the row said PENDING_APPROVAL — by the client order id the ledger recorded for it.
 */
public final class StatusRefresh {

  /** What a refresh changed. */
  public record Report(int sentRows, int updated, int unknown, Path savedTo) {}

  private StatusRefresh() {}

  public static Report run(Path file, String sheet, List<OrderState> orders, boolean keepBackup)
      throws WorkbookRejected, IOException {
    Map<String, OrderState> byId = new HashMap<>();
    Map<String, OrderState> byClientId = new HashMap<>();
    Map<String, List<OrderState>> byGroup = new HashMap<>();
    for (OrderState order : orders) {
      byId.put(order.orderId(), order);
      if (order.groupOrderId() != null) {
        byGroup.computeIfAbsent(order.groupOrderId(), g -> new ArrayList<>()).add(order);
      }
      if (order.clientOrderId() != null) {
        byClientId.put(order.clientOrderId(), order);
      }
    }
    record Sent(int rowNumber, String orderId, String ownId) {}
    List<Sent> sent = new java.util.ArrayList<>();
    HeaderMap header =
        OrderSheetReader.read(
            file,
            sheet,
            new OrderSheetReader.RowSink() {
              @Override
              public void header(HeaderMap header) {}

              @Override
              public void row(SheetRow row) {
                if (!row.isOrder()) {
                  return;
                }
                String orderId = text(row.get(Column.ORDER_ID));
                String status = text(row.get(Column.STATUS));
                if (orderId != null || status != null) {
                  sent.add(
                      new Sent(row.rowNumber(), orderId, text(row.get(Column.CLIENT_ORDER_ID))));
                }
              }
            });
    try (OrderWorkbook workbook = OrderWorkbook.open(file, sheet)) {
      workbook.prepareColumns(
          header,
          List.of(
              Column.STATUS,
              Column.FILLED_QUANTITY,
              Column.AVERAGE_PRICE,
              Column.ORDER_ID,
              Column.MESSAGE));
      int updated = 0;
      int unknown = 0;
      for (Sent row : sent) {
        OrderState order = row.orderId() != null ? byId.get(row.orderId()) : null;
        if (order == null && row.orderId() != null && byGroup.containsKey(row.orderId())) {
          // A row that named a group: its cells tell the members' orders together.
          order = GroupState.of(row.orderId(), byGroup.get(row.orderId()));
        }
        String key = ClientIds.ledgerKey(row.ownId(), row.rowNumber());
        SentLedger.Entry entry = workbook.ledger().get(key).orElse(null);
        if (order == null && entry != null) {
          order = byClientId.get(entry.clientOrderId());
        }
        if (order == null) {
          if (row.orderId() != null) {
            unknown++;
          }
          continue;
        }
        String message =
            "REJECTED".equals(order.status())
                    || "CANCELLED".equals(order.status())
                    || order.groupOrderId() != null
                ? order.statusMessage()
                : null;
        workbook.write(
            row.rowNumber(),
            new RowResult(
                order.status(),
                order.orderId(),
                message,
                null,
                order.filledQuantity(),
                order.averagePrice()));
        if (entry != null) {
          workbook
              .ledger()
              .put(key, entry.clientOrderId(), entry.generation(), order.status(), null);
        }
        updated++;
      }
      Path savedTo = workbook.save(keepBackup);
      return new Report(sent.size(), updated, unknown, savedTo);
    }
  }

  private static String text(CellValue cell) {
    return cell == null || cell.isBlank() ? null : cell.raw().strip();
  }
}
