package io.tradebridge.orders.boundary;

import io.tradebridge.access.boundary.Caller;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.orders.control.OrderChecks;
import io.tradebridge.orders.entity.OrderRequest;
import io.tradebridge.protection.boundary.RateLimiter;
import io.tradebridge.protection.control.RateKind;
import io.tradebridge.rest.problem.Problem;
import io.tradebridge.rest.problem.Problems;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Places many orders (a batch, a workbook) for the caller. Each row is bound, checked and charged
 * alone; the rows that pass go to the order desk together and are committed together, yet each
 * keeps its own idempotency and gets the status it would have got on its own.
 */
@RequestScoped
public class OrderRows {

  @Inject Caller caller;
  @Inject OrderPlacement placement;
  @Inject RateLimiter limiter;
  @Inject GroupOrders groupOrders;
  @Inject Groups groups;

  /**
   * A batch row's answer (API.md, batch). A row naming a group answers 201 with the group order's
   * id and one entry per member ({@code orders}), as POST /api/v1/orders does. A placed order's row
   * also says where the order stands at once ({@code orderStatus}, {@code filledQuantity}, {@code
   * averagePrice}, {@code statusMessage}): a MARKET order on paper has filled by the time the
   * answer leaves, and the workbook shows it without a second call.
   */
  public record Row(
      int index,
      int status,
      String orderId,
      String actionId,
      Problem problem,
      String groupOrderId,
      List<OrdersResource.GroupOrderAnswer.MemberAnswer> orders,
      String orderStatus,
      String statusMessage,
      Integer filledQuantity,
      BigDecimal averagePrice) {

    Row(int index, int status, String orderId, String actionId, Problem problem) {
      this(index, status, orderId, actionId, problem, null, null, null, null, null, null);
    }

    static Row group(
        int index, String groupOrderId, List<OrdersResource.GroupOrderAnswer.MemberAnswer> orders) {
      return new Row(index, 201, null, null, null, groupOrderId, orders, null, null, null, null);
    }

    static Row placed(int index, OrderView order) {
      return new Row(
          index,
          201,
          order.orderId(),
          null,
          null,
          null,
          null,
          order.status().name(),
          order.statusMessage(),
          order.filledQuantity(),
          order.filledQuantity() > 0 ? order.averagePrice() : null);
    }
  }

  /** One answer per binding, in the same order; {@link Row#index()} is the binding's position. */
  public List<Row> placeAll(List<Supplier<OrderRequest>> bindings) {
    Row[] rows = new Row[bindings.size()];
    // Rows naming a group are placed after the others, each as its own group order.
    java.util.Map<Integer, OrderRequest> groupRows = new java.util.LinkedHashMap<>();
    List<OrderRequest> requests = new ArrayList<>(bindings.size());
    List<Integer> positions = new ArrayList<>(bindings.size());
    Set<String> groupNames = null;
    for (int i = 0; i < bindings.size(); i++) {
      try {
        OrderRequest request = bindings.get(i).get();
        if (request.group() == null && request.account() != null) {
          // A workbook's Account cell (or a batch row's account) may hold a group's name: group
          // names never equal a pseudo account's, so the name alone says which it is.
          if (groupNames == null) {
            groupNames = groupNames();
          }
          if (groupNames.contains(request.account().strip().toUpperCase(Locale.ROOT))) {
            request = request.namingGroup();
          }
        }
        // A row that fails validation costs nothing; every other row counts once.
        OrderChecks.check(request);
        limiter.charge(caller.key(), RateKind.ORDERS, 1);
        if (request.group() != null) {
          groupRows.put(i, request);
          continue;
        }
        requests.add(request);
        positions.add(i);
      } catch (TradebridgeException e) {
        rows[i] = refused(i, e);
      }
    }
    List<Outcome> outcomes = placement.placeAll(caller.userId(), caller.key(), requests);
    for (int j = 0; j < outcomes.size(); j++) {
      int i = positions.get(j);
      Outcome outcome = outcomes.get(j);
      rows[i] =
          outcome.refused() != null
              ? refused(i, outcome.refused())
              : PlacedAnswers.row(i, outcome.placed());
    }
    groupRows.forEach(
        (i, request) -> {
          try {
            GroupOrders.Placed group =
                groupOrders.place(caller.userId(), caller.key(), request, null);
            rows[i] = Row.group(i, group.groupOrderId(), PlacedAnswers.members(group));
          } catch (TradebridgeException e) {
            rows[i] = refused(i, e);
          }
        });
    return Arrays.asList(rows);
  }

  private Set<String> groupNames() {
    Set<String> names = new HashSet<>();
    groups.list(caller.userId()).forEach(g -> names.add(g.name().toUpperCase(Locale.ROOT)));
    return names;
  }

  private static Row refused(int index, TradebridgeException e) {
    Problem problem = Problems.of(e);
    return new Row(index, problem.status(), null, null, problem);
  }
}
