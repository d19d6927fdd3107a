package io.tradebridge.sso.boundary;

import io.tradebridge.accounts.boundary.TradingAccounts;
import io.tradebridge.common.control.Ids;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.protection.boundary.SecurityEvents;
import io.tradebridge.protection.entity.SecurityEventType;
import io.tradebridge.sso.control.VerifiedToken;
import io.tradebridge.users.boundary.Users;
import io.tradebridge.users.entity.LoginGuard;
import io.tradebridge.users.entity.User;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * Creates a single sign-on user in a transaction of its own, with their PAPER1 account, so that a
 * lost race for the same person rolls back only this and the caller can read the winner's row.
 */
@Stateless
public class SsoAccounts {

  @PersistenceContext EntityManager em;
  @Inject Users users;
  @Inject TradingAccounts tradingAccounts;
  @Inject SecurityEvents events;
  @Inject Clock clock;

  /**
   * Follows the identity provider's trader group onto the user's API keys, in a transaction of its
   * own: the request that shows a withdrawn group may itself end in 403, and the withdrawal must
   * stand.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void followTraderGroup(String userId, boolean trader) {
    User user = em.find(User.class, userId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    if (user != null && user.tradingGrantedByProvider(trader)) {
      events.record(
          userId,
          SecurityEventType.KEY_CHANGED,
          null,
          trader
              ? "the identity provider grants trading again: API keys work again"
              : "the identity provider no longer grants trading: every API key is stopped");
    }
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public User create(VerifiedToken token) {
    if (users.byName(token.username()).isPresent()) {
      throw TradebridgeException.conflict(
          "the username '"
              + token.username()
              + "' belongs to another account; ask an administrator to rename one of them");
    }
    String email =
        token.email() != null
            ? token.email()
            : token.username().contains("@") ? token.username() : "";
    User user =
        User.fromSingleSignOn(
            Ids.newId(), token.username(), email, token.identity(), clock.instant());
    em.persist(user);
    em.persist(new LoginGuard(user.id()));
    em.flush();
    tradingAccounts.openFirstPaperAccount(user.id(), user.username());
    events.record(
        user.id(),
        SecurityEventType.LOGIN_SUCCEEDED,
        null,
        "first single sign-on; account created");
    return user;
  }
}
