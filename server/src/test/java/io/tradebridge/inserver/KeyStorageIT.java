package io.tradebridge.inserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tradebridge.access.entity.KeyCaller;
import io.tradebridge.access.entity.KeyEnvironment;
import io.tradebridge.access.entity.OrderMode;
import io.tradebridge.access.entity.Permission;
import io.tradebridge.apikeys.boundary.ApiKeyAuthenticator;
import io.tradebridge.apikeys.control.KeyFormat;
import io.tradebridge.apikeys.entity.ApiKey;
import io.tradebridge.common.control.ProblemCode;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.signin.boundary.RegisterRequest;
import io.tradebridge.signin.boundary.Registered;
import io.tradebridge.signin.boundary.Registration;
import jakarta.inject.Inject;
import jakarta.transaction.RollbackException;
import jakarta.transaction.UserTransaction;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * API keys in JPA on Derby, inside the container: lookup by digest, the unique index, atomic
 * registration, and keys kept in memory that stop on the next check after any write to them or
 * their owner.
 */
@ExtendWith(ArquillianExtension.class)
class KeyStorageIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.businessComponents("key-storage");
  }

  @Inject Registration registration;
  @Inject ApiKeyAuthenticator authenticator;
  @Inject DatabaseProbe database;
  @Inject UserTransaction transaction;

  private Registered register() {
    String name = "u" + UUID.randomUUID().toString().substring(0, 12);
    return registration.register(
        new RegisterRequest(name, name + "@example.com", "a long enough password"));
  }

  @Test
  void aStoredKeyIsFoundByItsDigestAndAWellFormedStrangerIsNot() {
    Registered user = register();
    KeyCaller caller = authenticator.authenticate(user.apiKey().key(), "127.0.0.1");
    assertEquals(user.userId(), caller.userId());
    assertEquals(EnumSet.of(Permission.READ, Permission.TRADE), caller.permissions());

    String stranger = KeyFormat.generate(KeyEnvironment.LIVE, new SecureRandom());
    TradebridgeException refused =
        assertThrows(
            TradebridgeException.class, () -> authenticator.authenticate(stranger, "127.0.0.1"));
    assertEquals(ProblemCode.UNAUTHENTICATED, refused.code());
  }

  @Test
  void theDigestIsUniqueInTheDatabase() throws Exception {
    Registered user = register();
    transaction.begin();
    for (int i = 0; i < 2; i++) {
      ApiKey copy =
          new ApiKey(
              UUID.randomUUID().toString(),
              user.userId(),
              "copy",
              KeyEnvironment.LIVE,
              EnumSet.of(Permission.READ),
              List.of(),
              OrderMode.AUTO,
              null,
              Instant.now());
      copy.installSecret(
          "same-digest-for-both-" + user.userId().substring(0, 8),
          "sealed",
          "tb_live_0000000000000000000000000000000000000000");
      database.persist(copy);
    }
    assertThrows(RollbackException.class, transaction::commit);
  }

  @Test
  void aRegistrationThatFailsLeavesNoRowsBehind() {
    Registered first = register();
    long keysBefore = database.keyCount();
    TradebridgeException conflict =
        assertThrows(
            TradebridgeException.class,
            () ->
                registration.register(
                    new RegisterRequest(
                        first.username().toUpperCase(), "x@example.com", "another long password")));
    assertEquals(ProblemCode.CONFLICT, conflict.code());
    assertEquals(keysBefore, database.keyCount());
    assertEquals(1L, database.usersNamed(first.username()));
  }

  @Test
  void aKeyRevokedByAnyWriteIsRefusedOnItsNextCheckThoughItWasJustUsed() {
    Registered user = register();
    String keyId = authenticator.authenticate(user.apiKey().key(), "127.0.0.1").keyId();
    authenticator.authenticate(user.apiKey().key(), "127.0.0.1");

    database.revokeKey(keyId);

    TradebridgeException refused =
        assertThrows(
            TradebridgeException.class,
            () -> authenticator.authenticate(user.apiKey().key(), "127.0.0.1"));
    assertEquals(ProblemCode.UNAUTHENTICATED, refused.code());
  }

  @Test
  void aDisabledOwnersKeyIsForbiddenOnItsNextCheck() {
    Registered user = register();
    authenticator.authenticate(user.apiKey().key(), "127.0.0.1");

    database.disableUser(user.userId());

    TradebridgeException refused =
        assertThrows(
            TradebridgeException.class,
            () -> authenticator.authenticate(user.apiKey().key(), "127.0.0.1"));
    assertEquals(ProblemCode.FORBIDDEN, refused.code());
  }

  @Test
  void aRevocationThatRollsBackLeavesTheKeyWorking() throws Exception {
    Registered user = register();
    String keyId = authenticator.authenticate(user.apiKey().key(), "127.0.0.1").keyId();
    transaction.begin();
    database.revokeKey(keyId);
    transaction.rollback();

    assertEquals(keyId, authenticator.authenticate(user.apiKey().key(), "127.0.0.1").keyId());
  }
}
