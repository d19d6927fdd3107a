package io.tradebridge.signin.boundary;

import io.tradebridge.common.control.Ids;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.crypto.boundary.Vault;
import io.tradebridge.crypto.control.Purpose;
import io.tradebridge.database.boundary.OnceWork;
import io.tradebridge.protection.boundary.SecurityEvents;
import io.tradebridge.protection.entity.SecurityEventType;
import io.tradebridge.twofactor.boundary.TwoFactor;
import io.tradebridge.users.boundary.LoginFailures;
import io.tradebridge.users.boundary.LoginResult;
import io.tradebridge.users.boundary.Sessions;
import io.tradebridge.users.boundary.Users;
import io.tradebridge.users.entity.LoginChallenge;
import io.tradebridge.users.entity.User;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;

/**
 * Password, then (when login 2FA is on) the code. A correct password alone does not reset the
 * failure count when a code is still due: otherwise someone holding the password could alternate it
 * with code guesses for ever.
 */
@Stateless
public class Login {

  @Inject OnceWork onceWork;

  @PersistenceContext EntityManager em;
  @Inject Users users;
  @Inject Vault vault;
  @Inject LoginFailures failures;
  @Inject TwoFactor twoFactor;
  @Inject Sessions sessions;
  @Inject Clock clock;
  @Inject SecurityEvents events;

  public LoginResult login(String username, String password) {
    Optional<User> found = users.byName(username);
    if (found.isEmpty()) {
      vault.decoyPasswordCheck(password);
      throw TradebridgeException.unauthenticated();
    }
    User user = found.get();
    failures.claim(user.id());
    if (!vault.passwordMatches(password, user.passwordHash())) {
      failures.recordFailure(user.id(), "wrong password");
      throw TradebridgeException.unauthenticated();
    }
    if (!user.isActive()) {
      failures.release(user.id());
      throw TradebridgeException.forbidden("this account is disabled");
    }
    if (twoFactor.loginNeedsCode(user.id())) {
      // The code step claims its own attempt; a right password alone ends no run of failures.
      failures.release(user.id());
      String challengeId = Ids.newToken();
      em.persist(
          new LoginChallenge(
              vault.digest(Purpose.SESSION_DIGEST, "challenge:" + challengeId),
              user.id(),
              clock.instant()));
      return new LoginResult.TotpRequired(challengeId);
    }
    failures.recordSuccess(user.id());
    events.record(user.id(), SecurityEventType.LOGIN_SUCCEEDED, null, "password");
    return sessions.open(user.id());
  }

  public LoginResult.Authenticated completeWithCode(String challengeId, String code) {
    LoginChallenge challenge =
        em.find(
            LoginChallenge.class, vault.digest(Purpose.SESSION_DIGEST, "challenge:" + challengeId));
    if (challenge == null || !challenge.isLive(clock.instant())) {
      throw TradebridgeException.unauthenticated();
    }
    String userId = challenge.userId();
    failures.claim(userId);
    if (!twoFactor.consumeCode(userId, code)) {
      failures.recordFailure(userId, "wrong authenticator code at sign-in");
      throw TradebridgeException.totpInvalid();
    }
    em.remove(challenge);
    failures.recordSuccess(userId);
    events.record(
        userId, SecurityEventType.LOGIN_SUCCEEDED, null, "password and authenticator code");
    return sessions.open(userId);
  }

  public void logout(String sessionToken) {
    sessions.close(sessionToken);
  }

  @Schedule(hour = "*", minute = "*/10", persistent = false)
  void purgeExpiredChallenges() {
    if (!onceWork.mine()) {
      return; // another server sharing the database does this work
    }
    em.createNamedQuery(LoginChallenge.DELETE_EXPIRED)
        .setParameter("now", clock.instant())
        .executeUpdate();
  }
}
