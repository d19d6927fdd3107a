package io.tradebridge.orders.boundary;

import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.rest.problem.Problem;
import io.tradebridge.rest.problem.Problems;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * How a placement reads over HTTP (API.md, "Orders"): 201 with the order and its location, or 202
 * with the held action for a SEMI_AUTO key — for one order, and as one row of a batch.
 */
final class PlacedAnswers {

  private PlacedAnswers() {}

  static Response response(Placed placed) {
    if (placed instanceof Placed.AwaitingApproval held) {
      return Response.status(202)
          .entity(new OrdersResource.Held(held.actionId(), "PENDING_APPROVAL"))
          .build();
    }
    OrderView order = ((Placed.Accepted) placed).order();
    return Response.status(201)
        .location(URI.create("v1/orders/" + order.orderId()))
        .entity(order)
        .build();
  }

  static OrderRows.Row row(int index, Placed placed) {
    if (placed instanceof Placed.AwaitingApproval held) {
      return new OrderRows.Row(index, 202, null, held.actionId(), null);
    }
    return OrderRows.Row.placed(index, ((Placed.Accepted) placed).order());
  }

  static Response group(GroupOrders.Placed placed) {
    return Response.status(201)
        .entity(new OrdersResource.GroupOrderAnswer(placed.groupOrderId(), members(placed)))
        .build();
  }

  /** One answer per member: what its order alone would have got. */
  static List<OrdersResource.GroupOrderAnswer.MemberAnswer> members(GroupOrders.Placed placed) {
    List<OrdersResource.GroupOrderAnswer.MemberAnswer> members = new ArrayList<>();
    for (GroupOrders.Member m : placed.orders()) {
      TradebridgeException refused = m.skipped() != null ? m.skipped() : m.outcome().refused();
      if (refused != null) {
        Problem problem = Problems.of(refused);
        members.add(
            new OrdersResource.GroupOrderAnswer.MemberAnswer(
                m.account(), m.quantity(), problem.status(), null, null, problem));
      } else {
        OrderRows.Row row = row(0, m.outcome().placed());
        members.add(
            new OrdersResource.GroupOrderAnswer.MemberAnswer(
                m.account(), m.quantity(), row.status(), row.orderId(), row.actionId(), null));
      }
    }
    return members;
  }
}
