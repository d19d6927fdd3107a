package io.tradebridge.orders.boundary;

import io.tradebridge.orders.entity.OrderRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * A person approves a held action: the order is placed the way an API call's would be — a remote
 * broker's instrument and price asked first, the order written in the action's transaction, then
 * sent once it has committed — and a held change is made the way a PATCH would be. No broker is
 * called while the action's or an account's lock is held.
 */
@ApplicationScoped
public class ActionApproval {

  @Inject ActionCenter actions;
  @Inject Orders orders;
  @Inject RemotePricing pricing;
  @Inject RemoteOrders remote;

  /**
   * Returns the order's id. Refused by our checks: the action stays pending. Refused by a remote
   * broker after it was sent: the action is approved and its order REJECTED, in the broker's words.
   */
  public String approve(String userId, String actionId) {
    ActionView action = actions.pending(userId, actionId);
    if (action.modifiesOrderId() != null) {
      return approveChange(userId, action);
    }
    Priced priced = pricing.priceIfRemote(userId, action.order());
    Placed placed = actions.placeHeld(userId, actionId, priced);
    Placed sent = remote.deliver(List.of(Outcome.of(placed))).get(0).orThrow();
    return ((Placed.Accepted) sent).order().orderId();
  }

  private String approveChange(String userId, ActionView action) {
    actions.claim(userId, action.actionId());
    OrderRequest change = action.order();
    try {
      orders.modifyApproved(
          userId,
          action.modifiesOrderId(),
          new OrderPatch(
              change.orderType(), change.quantity(), change.price(), change.triggerPrice()));
    } catch (RuntimeException refused) {
      actions.reopen(action.actionId());
      throw refused;
    }
    return action.modifiesOrderId();
  }
}
