package io.tradebridge.twofactor.boundary;

import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.secret.SecretGenerator;
import io.tradebridge.common.control.Ids;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.crypto.boundary.Vault;
import io.tradebridge.crypto.control.Purpose;
import io.tradebridge.protection.boundary.SecurityEvents;
import io.tradebridge.protection.entity.SecurityEventType;
import io.tradebridge.twofactor.control.OtpAuthUri;
import io.tradebridge.twofactor.control.QrCodePng;
import io.tradebridge.twofactor.control.RecoveryCodes;
import io.tradebridge.twofactor.control.TotpAlgorithm;
import io.tradebridge.twofactor.control.TotpVerifier;
import io.tradebridge.twofactor.entity.RecoveryCode;
import io.tradebridge.twofactor.entity.TotpEnrollment;
import io.tradebridge.users.boundary.LoginFailures;
import io.tradebridge.users.boundary.Users;
import io.tradebridge.users.entity.User;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Turning the authenticator on and off, and checking codes. A code is either the current TOTP code
 * (single-use, RFC 6238 §5.2) or an unused recovery code (single-use by construction).
 */
@Stateless
public class TwoFactor {

  /** 32 base32 characters: 160 bits, RFC 4226's recommended secret length. */
  private static final SecretGenerator SECRETS = new DefaultSecretGenerator(32);

  @PersistenceContext EntityManager em;
  @Inject Vault vault;
  @Inject Clock clock;
  @Inject StepUp stepUp;
  @Inject Users users;
  @Inject LoginFailures failures;
  @Inject SecurityEvents events;

  public TotpChoice choiceOf(String userId) {
    TotpEnrollment e = em.find(TotpEnrollment.class, userId);
    return e == null
        ? new TotpChoice(false, false)
        : new TotpChoice(e.loginRequired(), e.credentialsRequired());
  }

  /** Whether the user has a working authenticator (set up and confirmed). */
  public boolean isOn(String userId) {
    TotpEnrollment e = em.find(TotpEnrollment.class, userId);
    return e != null && e.isActive();
  }

  public boolean loginNeedsCode(String userId) {
    return choiceOf(userId).login();
  }

  /**
   * A new secret, pending until {@link #activate} confirms that the user's app produces its codes.
   */
  public TotpSetup setup(String userId, String password) {
    stepUp.verify(userId, password, null);
    TotpEnrollment enrollment = enrollmentFor(userId);
    if (enrollment.isActive()) {
      throw TradebridgeException.conflict(
          "two-factor authentication is already on; turn it off before setting it up again");
    }
    String base32 = SECRETS.generate();
    enrollment.startSetup(seal(userId, base32));
    User user = users.byId(userId);
    QrData qr = OtpAuthUri.of(user.username(), base32);
    return new TotpSetup(base32, qr.getUri(), QrCodePng.dataUri(qr));
  }

  public List<String> activate(String userId, String code, TotpChoice choice) {
    TotpEnrollment enrollment = lockedEnrollment(userId);
    if (enrollment.isActive()) {
      throw TradebridgeException.conflict("two-factor authentication is already on");
    }
    if (enrollment.sealedPendingSecret() == null) {
      throw TradebridgeException.conflict("start with POST /api/v1/security/totp/setup");
    }
    failures.claim(userId);
    String secret = vault.open(enrollment.sealedPendingSecret(), context(userId));
    OptionalLong step = verifier().verify(secret, code, Long.MIN_VALUE);
    if (step.isEmpty()) {
      failures.recordFailure(userId, "wrong authenticator code while turning on 2FA");
      throw TradebridgeException.totpInvalid();
    }
    failures.recordSuccess(userId);
    enrollment.activate(choice.login(), choice.credentials(), step.getAsLong());
    events.record(userId, SecurityEventType.TOTP_ENABLED, null, describe(choice));
    em.createNamedQuery(RecoveryCode.DELETE_FOR_USER)
        .setParameter("userId", userId)
        .executeUpdate();
    List<String> codes = RecoveryCodes.generate();
    for (String c : codes) {
      em.persist(
          new RecoveryCode(
              Ids.newId(),
              userId,
              vault.digest(Purpose.RECOVERY_CODE_DIGEST, RecoveryCodes.normalise(c))));
    }
    return codes;
  }

  public void change(String userId, String password, String code, TotpChoice choice) {
    requireActive(userId);
    stepUp.verifyWithCode(userId, password, code);
    lockedEnrollment(userId).choose(choice.login(), choice.credentials());
    events.record(userId, SecurityEventType.TOTP_CHANGED, null, describe(choice));
  }

  public void disable(String userId, String password, String code) {
    requireActive(userId);
    stepUp.verifyWithCode(userId, password, code);
    lockedEnrollment(userId).disable();
    em.createNamedQuery(RecoveryCode.DELETE_FOR_USER)
        .setParameter("userId", userId)
        .executeUpdate();
    events.record(userId, SecurityEventType.TOTP_DISABLED, null, null);
  }

  /**
   * Checks and consumes a code: a TOTP code is remembered as used, a recovery code is spent. Does
   * not count failures; the caller decides what a failure costs.
   */
  public boolean consumeCode(String userId, String code) {
    TotpEnrollment enrollment = lockedEnrollment(userId);
    if (!enrollment.isActive() || code == null) {
      return false;
    }
    String trimmed = code.strip();
    if (RecoveryCodes.looksLikeTotp(trimmed)) {
      String secret = vault.open(enrollment.sealedSecret(), context(userId));
      OptionalLong step = verifier().verify(secret, trimmed, enrollment.lastAcceptedStep());
      step.ifPresent(enrollment::accepted);
      return step.isPresent();
    }
    String normalised = RecoveryCodes.normalise(trimmed);
    if (normalised == null) {
      return false;
    }
    Optional<RecoveryCode> recovery =
        em.createNamedQuery(RecoveryCode.UNUSED, RecoveryCode.class)
            .setParameter("userId", userId)
            .setParameter("digest", vault.digest(Purpose.RECOVERY_CODE_DIGEST, normalised))
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst();
    recovery.ifPresent(
        r -> {
          r.use(clock.instant());
          events.record(userId, SecurityEventType.RECOVERY_CODE_USED, null, null);
        });
    return recovery.isPresent();
  }

  private static String describe(TotpChoice choice) {
    return "code asked at sign-in: "
        + (choice.login() ? "yes" : "no")
        + "; before credentials: "
        + (choice.credentials() ? "yes" : "no");
  }

  private void requireActive(String userId) {
    TotpEnrollment e = em.find(TotpEnrollment.class, userId);
    if (e == null || !e.isActive()) {
      throw TradebridgeException.conflict("two-factor authentication is not on");
    }
  }

  private TotpEnrollment enrollmentFor(String userId) {
    TotpEnrollment e = em.find(TotpEnrollment.class, userId, LockModeType.PESSIMISTIC_WRITE);
    if (e == null) {
      e = new TotpEnrollment(userId);
      em.persist(e);
    }
    return e;
  }

  /**
   * Locked so that two requests racing with the same code cannot both be accepted. A user who never
   * set up 2FA gets an inactive, unsaved enrollment.
   */
  private TotpEnrollment lockedEnrollment(String userId) {
    TotpEnrollment e = em.find(TotpEnrollment.class, userId, LockModeType.PESSIMISTIC_WRITE);
    return e == null ? new TotpEnrollment(userId) : e;
  }

  private TotpVerifier verifier() {
    return new TotpVerifier(new TotpAlgorithm(), clock);
  }

  private String seal(String userId, String base32Secret) {
    return vault.seal(base32Secret, context(userId));
  }

  private static String context(String userId) {
    return "totp:" + userId;
  }
}
