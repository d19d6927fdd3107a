package io.tradebridge.sso.boundary;

import io.tradebridge.common.control.ProblemCode;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.sso.control.SsoSettings;
import io.tradebridge.sso.control.VerifiedToken;
import io.tradebridge.users.entity.User;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * Turns a verified token into our user: found by the token's issuer and subject, or created on the
 * first sign-in from its {@code upn} / {@code preferred_username} and {@code email}. The token's
 * groups decide the roles on every request, so a change at the identity provider takes effect with
 * the next token. A token granting neither role creates nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class SingleSignOn {

  static final int MAX_USERNAME = 64;
  static final int MAX_EMAIL = 254;

  @PersistenceContext EntityManager em;
  @Inject SsoSettings settings;
  @Inject SsoAccounts accounts;

  public SsoUser signIn(VerifiedToken token) {
    boolean trader = token.groups().contains(settings.traderGroup());
    boolean admin = token.groups().contains(settings.adminGroup());
    Optional<User> known = find(token);
    if (known.isPresent() && known.get().mayUseKeys() != (trader && known.get().isActive())) {
      accounts.followTraderGroup(known.get().id(), trader);
    }
    if (!trader && !admin) {
      throw TradebridgeException.forbidden(
          "your identity provider grants you neither the '"
              + settings.traderGroup()
              + "' nor the '"
              + settings.adminGroup()
              + "' group");
    }
    User user = known.orElseGet(() -> createOnce(token));
    if (!user.isActive()) {
      throw TradebridgeException.forbidden("this account is disabled");
    }
    return new SsoUser(user.id(), user.username(), trader, admin);
  }

  private Optional<User> find(VerifiedToken token) {
    return em.createNamedQuery(User.BY_SSO_IDENTITY, User.class)
        .setParameter("identity", token.identity())
        .getResultStream()
        .findFirst();
  }

  private User createOnce(VerifiedToken token) {
    if (token.username() == null
        || token.username().length() > MAX_USERNAME
        || token.email() != null && token.email().length() > MAX_EMAIL) {
      throw new TradebridgeException(
          ProblemCode.UNAUTHENTICATED,
          "the token names no usable user: it needs upn, preferred_username or email of at most 64 characters");
    }
    try {
      return accounts.create(token);
    } catch (EJBException raced) {
      // Two first requests at once: the other one created the user; use it. (A name taken by a
      // password account is a TradebridgeException, which passes through as it is.)
      return find(token)
          .orElseThrow(
              () -> TradebridgeException.conflict("could not create your account; try again"));
    }
  }
}
