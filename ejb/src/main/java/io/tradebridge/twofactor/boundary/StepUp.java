package io.tradebridge.twofactor.boundary;

import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.crypto.boundary.Vault;
import io.tradebridge.users.boundary.LoginFailures;
import io.tradebridge.users.boundary.Users;
import io.tradebridge.users.entity.User;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * "Re-enter your password" before anything touches credentials (API.md, "Step-up"): the password,
 * and the authenticator code when the user turned on credentials 2FA. Failures count towards the
 * same lockout as logins, so step-up cannot be used to guess a password.
 */
@Stateless
public class StepUp {

  @Inject Users users;
  @Inject Vault vault;
  @Inject LoginFailures failures;
  @Inject TwoFactor twoFactor;

  /** Password, plus a code if the user's credentials 2FA is on. */
  public void verify(String userId, String password, String totpCode) {
    checkPassword(userId, password);
    if (twoFactor.choiceOf(userId).credentials()) {
      checkCode(userId, totpCode);
    }
    failures.recordSuccess(userId);
  }

  /** Password and a code, whatever the user chose (changing or turning off 2FA itself). */
  public void verifyWithCode(String userId, String password, String code) {
    checkPassword(userId, password);
    checkCode(userId, code);
    failures.recordSuccess(userId);
  }

  private void checkPassword(String userId, String password) {
    failures.refuseIfLocked(userId);
    User user = users.byId(userId);
    if (password == null || !vault.passwordMatches(password, user.passwordHash())) {
      failures.recordFailure(userId, "wrong password at a step-up");
      throw TradebridgeException.unauthenticated();
    }
  }

  private void checkCode(String userId, String code) {
    if (code == null || code.isBlank()) {
      throw TradebridgeException.totpRequired();
    }
    if (!twoFactor.consumeCode(userId, code)) {
      failures.recordFailure(userId, "wrong authenticator code at a step-up");
      throw TradebridgeException.totpInvalid();
    }
  }
}
