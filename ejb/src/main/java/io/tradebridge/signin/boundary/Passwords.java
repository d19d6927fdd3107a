package io.tradebridge.signin.boundary;

import io.tradebridge.common.control.FieldChecks;
import io.tradebridge.common.control.Ids;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.crypto.boundary.Vault;
import io.tradebridge.crypto.control.Purpose;
import io.tradebridge.protection.boundary.Mailer;
import io.tradebridge.protection.boundary.SecurityEvents;
import io.tradebridge.protection.entity.SecurityEventType;
import io.tradebridge.twofactor.boundary.StepUp;
import io.tradebridge.users.boundary.Sessions;
import io.tradebridge.users.entity.PasswordReset;
import io.tradebridge.users.entity.User;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A person's own password (API.md, "Your own account"): changing it with the old one, and resetting
 * a forgotten one through a single-use link e-mailed to the account's address. Both end the user's
 * other sessions, and both are security events.
 */
@Stateless
public class Passwords {

  /** Enough for a person who mistypes their address twice; not enough to flood an inbox. */
  static final int RESETS_PER_HOUR = 3;

  @PersistenceContext EntityManager em;
  @Inject Vault vault;
  @Inject StepUp stepUp;
  @Inject Sessions sessions;
  @Inject SecurityEvents events;
  @Inject Mailer mailer;
  @Inject Clock clock;

  /** The step-up (old password, and a code with credentials 2FA), then every other session ends. */
  public void change(
      String userId,
      String currentSessionToken,
      String password,
      String newPassword,
      String totpCode) {
    checkNew(newPassword);
    User user = em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
    if (!user.hasPassword()) {
      throw TradebridgeException.conflict(
          "you sign in through your identity provider; change your password there");
    }
    stepUp.verify(userId, password, totpCode);
    user.changePassword(vault.hashPassword(newPassword));
    sessions.closeAllBut(userId, currentSessionToken);
    events.record(
        userId, SecurityEventType.PASSWORD_CHANGED, null, "every other session was signed out");
  }

  /**
   * Always the same answer whether the address is known or not (the caller says 202 either way).
   * With SMTP set, each active password account with this address gets a link, sent by the mail
   * timer.
   */
  public void requestReset(String email) {
    new FieldChecks().text("email", email, 3, 254).orThrow();
    if (!mailer.configured()) {
      return;
    }
    Instant now = clock.instant();
    List<User> owners =
        em.createNamedQuery(User.BY_EMAIL, User.class)
            .setParameter("email", email.strip().toLowerCase(Locale.ROOT))
            .setMaxResults(5)
            .getResultList();
    for (User user : owners) {
      if (!user.isActive()
          || !user.hasPassword()
          || recentResets(user.id(), now) >= RESETS_PER_HOUR) {
        continue;
      }
      String token = Ids.newToken();
      String digest = vault.digest(Purpose.PASSWORD_RESET_DIGEST, token);
      em.persist(new PasswordReset(digest, user.id(), vault.seal(token, context(digest)), now));
    }
  }

  /**
   * The link's token, a new password, and the authenticator code when 2FA is on; then every session
   * ends.
   */
  public void confirmReset(String token, String newPassword, String totpCode) {
    new FieldChecks().text("token", token, 1, 128).orThrow();
    checkNew(newPassword);
    PasswordReset reset =
        em.find(
            PasswordReset.class,
            vault.digest(Purpose.PASSWORD_RESET_DIGEST, token.strip()),
            LockModeType.PESSIMISTIC_WRITE);
    Instant now = clock.instant();
    if (reset == null || !reset.usableAt(now)) {
      throw new TradebridgeException(
          io.tradebridge.common.control.ProblemCode.UNAUTHENTICATED,
          "this reset link is unknown, used or more than "
              + PasswordReset.LIFETIME.toMinutes()
              + " minutes old; ask for a new one");
    }
    String userId = reset.userId();
    stepUp.verifyCodeIfOn(userId, totpCode, "a password reset");
    reset.use(now);
    em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE)
        .changePassword(vault.hashPassword(newPassword));
    sessions.closeAll(userId);
    events.record(
        userId,
        SecurityEventType.PASSWORD_RESET,
        null,
        "through an e-mailed link; every session was signed out");
  }

  /** A reset e-mail to send: where to, and the token (opened for this once). */
  public record ResetMailing(String email, String username, String token, Instant expiresAt) {
    @Override
    public String toString() {
      return "ResetMailing[" + username + "]";
    }
  }

  /** The resets still to be mailed, oldest first. */
  public List<String> dueMailings(int max) {
    return em.createNamedQuery(PasswordReset.TO_MAIL, PasswordReset.class)
        .setMaxResults(max)
        .getResultStream()
        .map(PasswordReset::digest)
        .toList();
  }

  /**
   * Takes one reset for the mailer, erasing its sealed token in the same transaction: whatever
   * happens to the e-mail, the token is never stored again. Null when another timer took it first.
   */
  @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.REQUIRES_NEW)
  public ResetMailing takeForMail(String digest) {
    PasswordReset reset = em.find(PasswordReset.class, digest, LockModeType.PESSIMISTIC_WRITE);
    if (reset == null || reset.sealedToken() == null) {
      return null;
    }
    String token = vault.open(reset.sealedToken(), context(reset.digest()));
    reset.mailed();
    User user = em.find(User.class, reset.userId());
    return new ResetMailing(user.email(), user.username(), token, reset.expiresAt());
  }

  private long recentResets(String userId, Instant now) {
    return em.createNamedQuery(PasswordReset.RECENT_FOR_USER, Long.class)
        .setParameter("userId", userId)
        .setParameter("since", now.minus(Duration.ofHours(1)))
        .getSingleResult();
  }

  private static void checkNew(String newPassword) {
    new FieldChecks()
        .text("newPassword", newPassword, Registration.MIN_PASSWORD, Registration.MAX_PASSWORD)
        .orThrow();
  }

  static String context(String digest) {
    return "password-reset:" + digest;
  }
}
