package io.tradebridge.orders.boundary;

import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.orders.control.OrderChecks;
import io.tradebridge.protection.boundary.RateLimiter;
import io.tradebridge.protection.control.RateKind;
import io.tradebridge.web.problem.Problem;
import io.tradebridge.web.problem.Problems;
import io.tradebridge.web.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * Places one order of many (a batch, a workbook) for the caller: bound, checked, charged and placed in
 * its own transaction with its own idempotency, and answered with the status it would have got alone.
 */
@RequestScoped
public class OrderRows {

  @Inject Caller caller;
  @Inject OrderPlacement placement;
  @Inject RateLimiter limiter;

  /** A batch row's answer (API.md, batch). */
  public record Row(int index, int status, String orderId, String actionId, Problem problem) {}

  public Row place(int index, Supplier<OrderRequest> binding) {
    try {
      OrderRequest request = binding.get();
      // A row that fails validation costs nothing; every other row counts once.
      OrderChecks.check(request);
      limiter.charge(caller.key(), RateKind.ORDERS, 1);
      Placed placed = placement.place(caller.userId(), caller.key(), request, null);
      return new Row(index, placed.status(), placed.order() == null ? null : placed.order().orderId(),
          placed.actionId(), null);
    } catch (TradebridgeException e) {
      Problem problem = Problems.of(e);
      return new Row(index, problem.status(), null, null, problem);
    }
  }
}
