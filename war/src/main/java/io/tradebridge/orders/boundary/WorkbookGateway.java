package io.tradebridge.orders.boundary;

import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.excel.control.GroupNote;
import io.tradebridge.excel.control.OrderGateway;
import io.tradebridge.excel.entity.OrderRow;
import io.tradebridge.excel.entity.Outgoing;
import io.tradebridge.excel.entity.SendResult;
import io.tradebridge.market.entity.Exchange;
import io.tradebridge.orders.entity.OrderRequest;
import io.tradebridge.orders.entity.OrderType;
import io.tradebridge.orders.entity.ProductType;
import io.tradebridge.orders.entity.Side;
import io.tradebridge.orders.entity.Validity;
import io.tradebridge.orders.entity.Variety;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The upload's way to the order placement: each batch of rows placed as a batch request's rows
 * would be (own idempotency, rate limit and answer per row, one commit for the batch), without
 * going back out over HTTP.
 */
final class WorkbookGateway implements OrderGateway {

  private final OrderRows rows;

  WorkbookGateway(OrderRows rows) {
    this.rows = rows;
  }

  @Override
  public List<SendResult> send(List<Outgoing> batch) {
    List<Supplier<OrderRequest>> bindings = new ArrayList<>(batch.size());
    for (Outgoing outgoing : batch) {
      bindings.add(() -> request(outgoing));
    }
    List<SendResult> results = new ArrayList<>(batch.size());
    for (OrderRows.Row row : rows.placeAll(bindings)) {
      if (row.groupOrderId() != null) {
        results.add(
            SendResult.placedGroup(
                row.groupOrderId(),
                GroupNote.of(
                    row.orders().stream()
                        .map(
                            m ->
                                new GroupNote.Member(
                                    m.account(),
                                    m.quantity(),
                                    m.status(),
                                    m.problem() == null ? null : m.problem().detail()))
                        .toList())));
        continue;
      }
      results.add(
          row.problem() == null
              ? SendResult.placed(
                  row.status(),
                  row.orderId(),
                  row.actionId(),
                  SendResult.OrderState.of(
                      row.orderStatus(),
                      row.statusMessage(),
                      row.filledQuantity(),
                      row.averagePrice()))
              : SendResult.problem(
                  row.status(),
                  row.problem().code(),
                  row.problem().detail(),
                  row.problem().retryAfter()));
    }
    return results;
  }

  /**
   * The bridge checked the row with the same vocabulary; a value it let through and we do not know
   * is a 400.
   */
  static OrderRequest request(Outgoing o) {
    OrderRow r = o.order();
    try {
      return new OrderRequest(
          r.account(),
          Exchange.valueOf(r.exchange()),
          r.symbol(),
          Side.valueOf(r.side()),
          Math.toIntExact(r.quantity()),
          OrderType.valueOf(r.orderType()),
          ProductType.valueOf(r.productType()),
          r.price(),
          r.triggerPrice(),
          r.variety() == null ? null : Variety.valueOf(r.variety()),
          r.validity() == null ? null : Validity.valueOf(r.validity()),
          r.target(),
          r.stoploss(),
          r.trailingStoploss(),
          r.disclosedQuantity() == null ? null : Math.toIntExact(r.disclosedQuantity()),
          null,
          r.strategy(),
          r.comments(),
          o.clientOrderId(),
          null);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw TradebridgeException.validation(
          "row " + r.rowNumber(), "holds a value the server does not know");
    }
  }
}
