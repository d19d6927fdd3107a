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

  /** A held action still waiting for a person; 404 for another user's, 409 once decided. */
  public ActionView pending(String userId, String actionId) {
    PendingAction action = owned(userId, actionId);
    requirePending(action);
    return view(action);
  }

  /**
   * Places a held order with today's checks, as a person's order, and marks the action approved, in
   * one transaction under the action's lock: two clicks on "approve" place one order. {@code
   * priced} is the instrument and price a remote broker gave beforehand (null on paper). Thrown
   * when refused, so the action stays pending.
   */
  public Placed placeHeld(String userId, String actionId, Priced priced) {
    PendingAction action = owned(userId, actionId);
    requirePending(action);
    if (action.modifies() != null) {
      throw TradebridgeException.conflict("this action changes order " + action.modifies());
    }
    Placed placed = placer.placeApproved(userId, OrderJson.read(action.orderJson()), priced);
    action.approved(((Placed.Accepted) placed).order().orderId(), clock.instant());
    return placed;
  }

  /**
   * Takes a held change for the person approving it, so a second click finds it decided; {@link
   * #reopen} gives it back when the change is refused.
   */
  public void claim(String userId, String actionId) {
    PendingAction action = owned(userId, actionId);
    requirePending(action);
    action.approved(action.modifies(), clock.instant());
  }

  public void reopen(String actionId) {
    em.find(PendingAction.class, actionId, LockModeType.PESSIMISTIC_WRITE).reopened();
  }

  private static void requirePending(PendingAction action) {
    if (action.status() != PendingAction.Status.PENDING) {
      throw TradebridgeException.conflict("this action is already " + action.status());
    }
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
