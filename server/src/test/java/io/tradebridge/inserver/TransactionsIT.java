package io.tradebridge.inserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradebridge.common.control.ProblemCode;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.signin.boundary.RegisterRequest;
import io.tradebridge.signin.boundary.Registered;
import io.tradebridge.signin.boundary.Registration;
import io.tradebridge.twofactor.boundary.StepUp;
import io.tradebridge.twofactor.boundary.TotpChoice;
import io.tradebridge.twofactor.boundary.TotpSetup;
import io.tradebridge.twofactor.boundary.TwoFactor;
import io.tradebridge.twofactor.control.TotpAlgorithm;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What only a real transaction manager can show: a failure is counted although its work rolls back.
 */
@ExtendWith(ArquillianExtension.class)
class TransactionsIT {

  private static final String PASSWORD = "a long enough password";

  @Deployment
  static WebArchive deployment() {
    return Deployments.businessComponents("transactions");
  }

  @Inject Registration registration;
  @Inject StepUp stepUp;
  @Inject TwoFactor twoFactor;
  @Inject DatabaseProbe database;
  @Inject UserTransaction transaction;

  private Registered register() {
    String name = "t" + UUID.randomUUID().toString().substring(0, 12);
    return registration.register(new RegisterRequest(name, name + "@example.com", PASSWORD));
  }

  @Test
  void aFailedStepUpIsCountedEvenWhenTheCallersTransactionRollsBack() throws Exception {
    Registered user = register();
    transaction.begin();
    TradebridgeException refused =
        assertThrows(
            TradebridgeException.class, () -> stepUp.verify(user.userId(), "wrong password", null));
    assertEquals(ProblemCode.UNAUTHENTICATED, refused.code());
    transaction.rollback();
    assertEquals(1, database.consecutiveFailures(user.userId()));

    stepUp.verify(user.userId(), PASSWORD, null);
    assertEquals(0, database.consecutiveFailures(user.userId()), "success resets the count");
  }

  @Test
  void anAcceptedCodeIsRememberedAcrossTransactions() {
    Registered user = register();
    TotpSetup setup = twoFactor.setup(user.userId(), PASSWORD);
    String secret = setup.secret();
    TotpAlgorithm algorithm = new TotpAlgorithm();
    long now = TotpAlgorithm.stepOf(Instant.now());
    twoFactor.activate(user.userId(), algorithm.codeAt(secret, now), new TotpChoice(true, true));

    String next = algorithm.codeAt(secret, now + 1);
    assertTrue(twoFactor.consumeCode(user.userId(), next));
    assertFalse(twoFactor.consumeCode(user.userId(), next), "the same code again");
    assertFalse(
        twoFactor.consumeCode(user.userId(), algorithm.codeAt(secret, now)), "an older code");
  }
}
