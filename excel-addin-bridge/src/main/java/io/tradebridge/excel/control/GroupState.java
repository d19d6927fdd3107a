package io.tradebridge.excel.control;

import io.tradebridge.excel.entity.OrderState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A group order's members' orders as one row's cells: the status they share (MIXED when they
 * differ), the quantity filled across them at its average price, and each member's status in the
 * message, by account name.
 */
final class GroupState {

  private GroupState() {}

  static OrderState of(String groupOrderId, List<OrderState> members) {
    List<String> statuses = members.stream().map(OrderState::status).distinct().toList();
    long filled = 0;
    BigDecimal value = BigDecimal.ZERO;
    for (OrderState m : members) {
      filled += m.filledQuantity();
      if (m.averagePrice() != null && m.filledQuantity() > 0) {
        value = value.add(m.averagePrice().multiply(BigDecimal.valueOf(m.filledQuantity())));
      }
    }
    BigDecimal average =
        filled == 0 ? null : value.divide(BigDecimal.valueOf(filled), 2, RoundingMode.HALF_UP);
    String message =
        members.stream()
            .sorted(Comparator.comparing(OrderState::account))
            .map(
                m ->
                    m.account()
                        + " "
                        + m.status()
                        + (m.statusMessage() == null || "COMPLETE".equals(m.status())
                            ? ""
                            : " (" + m.statusMessage() + ")"))
            .collect(Collectors.joining("; "));
    return new OrderState(
        groupOrderId,
        null,
        statuses.size() == 1 ? statuses.get(0) : "MIXED",
        filled,
        average,
        message,
        null,
        groupOrderId);
  }
}
