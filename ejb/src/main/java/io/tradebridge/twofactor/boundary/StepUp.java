package io.tradebridge.twofactor.boundary;

import io.tradebridge.common.control.ProblemCode;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.crypto.boundary.Vault;
import io.tradebridge.twofactor.control.RecoveryCodes;
import io.tradebridge.users.boundary.LoginFailures;
import io.tradebridge.users.boundary.TokenSession;
import io.tradebridge.users.boundary.Users;
import io.tradebridge.users.entity.User;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * "Re-enter your password" before anything touches credentials (API.md, "Step-up"): the password,
 * and the authenticator code when the user turned on credentials 2FA. Failures count towards the
 * same lockout as logins, so step-up cannot be used to guess a password.
 *
 * <p>A single sign-on user has no password here: their step-up is the authenticator code if they
 * set one up, else a token whose {@code auth_time} says they signed in at their identity provider
 * within the last five minutes.
 */
@Stateless
public class StepUp {

  @Inject Users users;
  @Inject Vault vault;
  @Inject LoginFailures failures;
  @Inject TwoFactor twoFactor;
  @Inject TokenSession tokenSession;

  /** Password, plus a code if the user's credentials 2FA is on. */
  public void verify(String userId, String password, String totpCode) {
    User user = users.byId(userId);
    boolean codeNeeded =
        user.hasPassword() ? twoFactor.choiceOf(userId).credentials() : twoFactor.isOn(userId);
    requirePresent(user, password, codeNeeded, totpCode);
    failures.claim(userId);
    if (!user.hasPassword()) {
      withoutPassword(userId, totpCode);
    } else {
      checkPassword(user, password);
      if (codeNeeded) {
        checkCode(userId, totpCode);
      }
    }
    failures.recordSuccess(userId);
  }

  /**
   * Password and a code, whatever the user chose (changing or turning off 2FA itself); only the
   * code without a password.
   */
  public void verifyWithCode(String userId, String password, String code) {
    User user = users.byId(userId);
    requirePresent(user, password, true, code);
    failures.claim(userId);
    if (user.hasPassword()) {
      checkPassword(user, password);
    }
    checkCode(userId, code);
    failures.recordSuccess(userId);
  }

  /**
   * What is missing is said before anything is counted: a form sent without its code is a mistake,
   * not a guess. Whether a password is needed depends on the user (single sign-on users have none),
   * so the step-up, not the request's field checks, says it is missing.
   */
  private static void requirePresent(User user, String password, boolean codeNeeded, String code) {
    if (user.hasPassword() && (password == null || password.isEmpty())) {
      throw TradebridgeException.validation("password", "is required");
    }
    if (codeNeeded && (code == null || code.isBlank())) {
      throw TradebridgeException.totpRequired();
    }
  }

  /**
   * Only the authenticator code (or a recovery code), when 2FA is on: a password reset link proves
   * the mailbox, and a mailbox is not a second factor. Counted like any code; nothing to do when
   * 2FA is off.
   */
  public void verifyCodeIfOn(String userId, String code, String where) {
    if (!twoFactor.isOn(userId)) {
      return;
    }
    if (code == null || code.isBlank()) {
      throw TradebridgeException.totpRequired();
    }
    failures.claim(userId);
    if (!twoFactor.consumeCode(userId, code)) {
      failures.recordFailure(userId, "wrong authenticator code at " + where);
      throw TradebridgeException.totpInvalid();
    }
    failures.recordSuccess(userId);
  }

  /**
   * The kill switch's way in when the password is locked, forgotten or guessed by someone else: one
   * recovery code alone. No lock refuses it — it is single use and ~50 bits long, far beyond
   * guessing — but a wrong one is still recorded, and counts towards the account's hourly cap.
   */
  public void verifyRecoveryCode(String userId, String recoveryCode) {
    String code = recoveryCode == null ? "" : recoveryCode.strip();
    if (code.isEmpty()) {
      throw TradebridgeException.validation("recoveryCode", "is required");
    }
    if (RecoveryCodes.looksLikeTotp(code) || !twoFactor.consumeCode(userId, code)) {
      failures.recordFailure(userId, "wrong recovery code at the kill switch");
      throw TradebridgeException.unauthenticated();
    }
  }

  /**
   * The single sign-on step-up: the authenticator code once set up, else a fresh sign-in at the
   * provider.
   */
  private void withoutPassword(String userId, String totpCode) {
    if (twoFactor.isOn(userId)) {
      checkCode(userId, totpCode);
    } else if (!tokenSession.signedInWithin(userId)) {
      failures.release(userId);
      throw new TradebridgeException(
          ProblemCode.UNAUTHENTICATED,
          "sign in again at your identity provider: "
              + "this needs a sign-in from the last few minutes, or an authenticator code once you set one up");
    }
  }

  private void checkPassword(User user, String password) {
    if (!vault.passwordMatches(password, user.passwordHash())) {
      failures.recordFailure(user.id(), "wrong password at a step-up");
      throw TradebridgeException.unauthenticated();
    }
  }

  private void checkCode(String userId, String code) {
    if (!twoFactor.consumeCode(userId, code)) {
      failures.recordFailure(userId, "wrong authenticator code at a step-up");
      throw TradebridgeException.totpInvalid();
    }
  }
}
