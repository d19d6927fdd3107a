package io.tradebridge.copying.control;

import io.tradebridge.copying.entity.CopyAction;
import io.tradebridge.orders.entity.OrderType;
import java.math.BigDecimal;
import java.util.List;

/** One thing the copier is to do for one child about one master order. */
public sealed interface CopyStep {

  String child();

  /** Place the master's order on the child: one order per piece (split at the freeze quantity). */
  record Place(String child, List<Integer> pieces) implements CopyStep {}

  /** Nothing placed or changed, and why, for the rule's log. */
  record Skip(String child, CopyAction action, String why) implements CopyStep {}

  /** Change the child's copy as its master was changed; a null field stays as it is. */
  record Modify(
      String child,
      String childOrderId,
      OrderType orderType,
      Integer quantity,
      BigDecimal price,
      BigDecimal triggerPrice)
      implements CopyStep {}

  /** Cancel the child's copy: its master was cancelled (or refused after it was copied). */
  record Cancel(String child, String childOrderId) implements CopyStep {}
}
