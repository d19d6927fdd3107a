package io.tradebridge.orders.boundary;

import io.tradebridge.common.control.Ids;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.orders.control.OrderJson;
import io.tradebridge.orders.entity.OrderRequest;
import io.tradebridge.orders.entity.PendingAction;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;

/** Orders from SEMI_AUTO keys wait here; only a person's session approves or rejects them. */
@Stateless
public class ActionCenter {

  @PersistenceContext EntityManager em;
  @Inject OrderPlacer placer;
  @Inject Orders orders;
  @Inject Clock clock;

  public PendingAction hold(String userId, String keyId, OrderRequest order) {
    PendingAction action =
        new PendingAction(Ids.newId(), userId, keyId, OrderJson.write(order), clock.instant());
    em.persist(action);
    return action;
  }

  public List<ActionView> list(String userId, PendingAction.Status status) {
    return em.createNamedQuery(PendingAction.BY_USER, PendingAction.class)
        .setParameter("userId", userId)
        .getResultStream()
        .filter(a -> status == null || a.status() == status)
        .map(ActionCenter::view)
        .toList();
  }

  /**
   * Places the held order (or makes the held change) now, with today's checks; if it is refused,
   * the action stays pending.
   */
  public String approve(String userId, String actionId) {
    PendingAction action = owned(userId, actionId);
    if (action.status() != PendingAction.Status.PENDING) {
      throw TradebridgeException.conflict("this action is already " + action.status());
    }
    if (action.modifies() != null) {
      OrderRequest change = OrderJson.read(action.orderJson());
      orders.modifyApproved(
          userId,
          action.modifies(),
          new OrderPatch(
              change.orderType(), change.quantity(), change.price(), change.triggerPrice()));
      action.approved(action.modifies(), clock.instant());
      return action.modifies();
    }
    String orderId = placer.placeApproved(userId, OrderJson.read(action.orderJson()));
    action.approved(orderId, clock.instant());
    return orderId;
  }

  public ActionView reject(String userId, String actionId, String reason) {
    PendingAction action = owned(userId, actionId);
    action.rejected(
        reason == null || reason.isBlank() ? "rejected" : reason.strip(), clock.instant());
    return view(action);
  }

  /** The kill switch's part: every pending action of the user is cancelled. */
  public int cancelAll(String userId, String why) {
    int n = 0;
    for (PendingAction a :
        em.createNamedQuery(PendingAction.BY_USER, PendingAction.class)
            .setParameter("userId", userId)
            .getResultList()) {
      if (a.status() == PendingAction.Status.PENDING) {
        a.cancelled(why, clock.instant());
        n++;
      }
    }
    return n;
  }

  private PendingAction owned(String userId, String actionId) {
    PendingAction action =
        actionId == null
            ? null
            : em.find(PendingAction.class, actionId, LockModeType.PESSIMISTIC_WRITE);
    if (action == null || !action.userId().equals(userId)) {
      throw TradebridgeException.notFound("action");
    }
    return action;
  }

  static ActionView view(PendingAction a) {
    return new ActionView(
        a.id(),
        a.keyId(),
        OrderJson.read(a.orderJson()),
        a.status(),
        a.createdAt(),
        a.orderId(),
        a.reason(),
        a.modifies());
  }
}
