package io.tradebridge.excel.entity;

/**
 * A checked row on its way to the server, under the client order id it goes with (WORKBOOK.md,
 * "Never twice"): the trader's own id, or one derived from the workbook id, sheet, row and
 * generation.
 *
 * @param ledgerKey what the {@code _tradebridge} sheet records this row under
 */
public record Outgoing(OrderRow order, String clientOrderId, String ledgerKey, int generation) {

  /**
   * The row as it would be sent, for a dry run: "row 5: PAPER1 BUY 10 NSE:SBIN LIMIT at 900
   * DELIVERY (client order id …)".
   */
  public String summary() {
    StringBuilder b =
        new StringBuilder("row ")
            .append(order.rowNumber())
            .append(": ")
            .append(order.account())
            .append(' ')
            .append(order.side())
            .append(' ')
            .append(order.quantity())
            .append(' ')
            .append(order.exchange())
            .append(':')
            .append(order.symbol())
            .append(' ')
            .append(order.orderType());
    if (order.price() != null) {
      b.append(" at ").append(order.price().toPlainString());
    }
    if (order.triggerPrice() != null) {
      b.append(" trigger ").append(order.triggerPrice().toPlainString());
    }
    b.append(' ').append(order.productType());
    if (order.variety() != null) {
      b.append(' ').append(order.variety());
    }
    return b.append(" (client order id ").append(clientOrderId).append(')').toString();
  }
}
