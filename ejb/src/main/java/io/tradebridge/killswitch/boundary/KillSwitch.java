package io.tradebridge.killswitch.boundary;

import io.tradebridge.apikeys.boundary.ApiKeys;
import io.tradebridge.common.control.FieldChecks;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.orders.boundary.ActionCenter;
import io.tradebridge.orders.boundary.Orders;
import io.tradebridge.protection.boundary.SecurityEvents;
import io.tradebridge.protection.entity.SecurityEventType;
import io.tradebridge.twofactor.boundary.StepUp;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * "I think my key leaked": after the password (and code, if credentials 2FA is on), every key of
 * the user is revoked first, in a transaction of its own that commits before anything else, so no
 * key can place a new order while the rest is cancelled; then the pending approvals; then each open
 * order on its own, so one that cannot be cancelled does not keep the others working.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class KillSwitch {

  @Inject StepUp stepUp;
  @Inject ApiKeys keys;
  @Inject ActionCenter actions;
  @Inject Orders orders;
  @Inject SecurityEvents events;

  /**
   * With the password (and a code when credentials 2FA is on), or with one recovery code instead:
   * the button must work for an owner whose sign-in a stranger has been failing on purpose.
   */
  public KillSwitchResult pull(
      String userId, String password, String totpCode, String recoveryCode) {
    new FieldChecks()
        .optionalText("password", password, 256)
        .optionalText("recoveryCode", recoveryCode, 64)
        .orThrow();
    if (recoveryCode != null && !recoveryCode.isBlank()) {
      stepUp.verifyRecoveryCode(userId, recoveryCode);
    } else {
      stepUp.verify(userId, password, totpCode);
    }
    int revoked = keys.revokeAll(userId);
    int cancelledActions = actions.cancelAll(userId, "cancelled by the kill switch");
    List<String> cancelled = new ArrayList<>();
    List<KillSwitchResult.Failure> failed = new ArrayList<>();
    for (String orderId : orders.workingOrderIds(userId, null)) {
      try {
        cancelled.add(orders.cancel(userId, orderId).orderId());
      } catch (TradebridgeException e) {
        failed.add(new KillSwitchResult.Failure(orderId, e.code().name(), e.detail()));
      }
    }
    events.record(
        userId,
        SecurityEventType.KILL_SWITCH,
        null,
        "revoked "
            + revoked
            + " keys, cancelled "
            + cancelled.size()
            + " orders and "
            + cancelledActions
            + " pending approvals"
            + (failed.isEmpty() ? "" : "; " + failed.size() + " orders could not be cancelled"));
    return new KillSwitchResult(revoked, cancelled, failed, cancelledActions);
  }
}
