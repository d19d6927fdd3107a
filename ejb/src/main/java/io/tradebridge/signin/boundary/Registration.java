package io.tradebridge.signin.boundary;

import io.tradebridge.accounts.boundary.TradingAccounts;
import io.tradebridge.apikeys.boundary.ApiKeys;
import io.tradebridge.common.control.FieldChecks;
import io.tradebridge.common.control.Ids;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.crypto.boundary.Vault;
import io.tradebridge.users.boundary.Users;
import io.tradebridge.users.entity.LoginGuard;
import io.tradebridge.users.entity.User;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;

/**
 * Creates a user, their first API key and their PAPER1 account in one transaction: all or nothing.
 */
@Stateless
public class Registration {

  public static final int MIN_PASSWORD = RegisterRequest.MIN_PASSWORD;
  public static final int MAX_PASSWORD = RegisterRequest.MAX_PASSWORD;

  @PersistenceContext EntityManager em;
  @Inject Vault vault;
  @Inject Users users;
  @Inject ApiKeys apiKeys;
  @Inject TradingAccounts tradingAccounts;
  @Inject Clock clock;

  public Registered register(RegisterRequest request) {
    new FieldChecks().constraintsOf(request).orThrow();
    if (users.byName(request.username()).isPresent()) {
      throw TradebridgeException.conflict("the username '" + request.username() + "' is taken");
    }
    User user =
        new User(
            Ids.newId(),
            request.username(),
            request.email().strip(),
            vault.hashPassword(request.password()),
            clock.instant());
    em.persist(user);
    em.persist(new LoginGuard(user.id()));
    try {
      em.flush();
    } catch (PersistenceException raced) {
      throw TradebridgeException.conflict("the username '" + request.username() + "' is taken");
    }
    tradingAccounts.openFirstPaperAccount(user.id(), user.username());
    return new Registered(user.id(), user.username(), apiKeys.issueFirstKey(user.id()));
  }
}
