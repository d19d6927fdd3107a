package io.tradebridge.users.boundary;

import io.tradebridge.common.control.Settings;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.crypto.boundary.Vault;
import io.tradebridge.protection.boundary.SecurityEvents;
import io.tradebridge.protection.entity.SecurityEventType;
import io.tradebridge.users.entity.User;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * The first administrator, made unforgeable: while no account is an administrator, the server
 * writes a one-time token into the data folder ({@value #FILE}, readable by its owner only) at
 * start; a signed-in person who reads it there proves they operate the server and claims the role
 * with it. A username could be registered by whoever comes first; the data folder cannot be read by
 * them. Later administrators are granted by an administrator ({@link UserAdministration}).
 */
@Stateless
public class AdminSetup {

  static final String FILE = "admin-setup.token";
  private static final Logger LOG = Logger.getLogger(AdminSetup.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Settings settings;
  @Inject Vault vault;
  @Inject SecurityEvents events;

  /** At start: a fresh token while nobody administers this server, else none. */
  public void prepare() {
    Path file = tokenFile();
    try {
      if (administrators() > 0) {
        Files.deleteIfExists(file);
        return;
      }
      byte[] random = new byte[32];
      vault.random().nextBytes(random);
      String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(
          file, token + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
      LOG.warning(
          "No administrator yet. Sign in as the person who runs this server and POST the token in "
              + file
              + " to /api/v1/admin/claim ({\"token\":\"...\"}); it works once.");
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the administrator setup token into " + file.getParent(), e);
    }
  }

  /**
   * The signed-in user becomes the first administrator if the token is the one in the data folder.
   */
  public UserSummary claim(String userId, String token) {
    Path file = tokenFile();
    String expected;
    try {
      expected =
          Files.isRegularFile(file)
              ? Files.readString(file, StandardCharsets.US_ASCII).strip()
              : null;
    } catch (IOException e) {
      expected = null;
    }
    boolean matches =
        expected != null
            && token != null
            && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                token.strip().getBytes(StandardCharsets.US_ASCII));
    if (!matches) {
      throw TradebridgeException.forbidden(
          "that is not this server's administrator setup token (it works once, and"
              + " only while no administrator exists)");
    }
    User user = em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
    user.grantAdmin();
    events.record(
        userId, SecurityEventType.ADMIN_GRANTED, null, "with the setup token from the data folder");
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the used setup token " + file, e);
    }
    LOG.info(
        "The administrator setup token was used by " + user.username() + "; it no longer works");
    return UserSummary.of(user);
  }

  private long administrators() {
    return em.createNamedQuery(User.COUNT_ADMINS, Long.class).getSingleResult();
  }

  private Path tokenFile() {
    return settings.dataDir().resolve(FILE);
  }
}
