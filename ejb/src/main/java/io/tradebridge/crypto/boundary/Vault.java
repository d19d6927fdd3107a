package io.tradebridge.crypto.boundary;

import io.tradebridge.common.control.Settings;
import io.tradebridge.crypto.control.MasterKeySource;
import io.tradebridge.crypto.control.PasswordHasher;
import io.tradebridge.crypto.control.Purpose;
import io.tradebridge.crypto.control.SecretBox;
import io.tradebridge.crypto.control.SecretDigest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;

/**
 * Every secret in Tradebridge passes through here: the master key is loaded once, and the rest of
 * the application only ever sees digests, sealed bytes and verdicts.
 */
@ApplicationScoped
public class Vault {

  @Inject Settings settings;

  private final SecureRandom random = new SecureRandom();
  private final Map<Purpose, SecretDigest> digests = new EnumMap<>(Purpose.class);
  private SecretBox box;
  private PasswordHasher passwords;

  @PostConstruct
  void loadMasterKey() {
    byte[] master = MasterKeySource.load(settings.masterKey(), settings.dataDir(), random);
    try {
      for (Purpose p : Purpose.values()) {
        if (p != Purpose.ENCRYPTION) {
          digests.put(p, new SecretDigest(p.deriveFrom(master)));
        }
      }
      box = new SecretBox(Purpose.ENCRYPTION.deriveFrom(master), random);
    } finally {
      Arrays.fill(master, (byte) 0);
    }
    passwords = new PasswordHasher(random);
  }

  public String digest(Purpose purpose, String secret) {
    return digests.get(purpose).of(secret);
  }

  public boolean digestMatches(Purpose purpose, String secret, String expectedDigest) {
    return MessageDigest.isEqual(
        digest(purpose, secret).getBytes(StandardCharsets.US_ASCII),
        expectedDigest.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Encrypts a secret bound to the record it belongs to ({@code context}, e.g. "api-key:ID"); the
   * result is base64 text, ready for a VARCHAR column on any database.
   */
  public String seal(String secret, String context) {
    byte[] sealed =
        box.seal(secret.getBytes(StandardCharsets.UTF_8), context.getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(sealed);
  }

  public String open(String sealed, String context) {
    byte[] plain =
        box.open(Base64.getDecoder().decode(sealed), context.getBytes(StandardCharsets.UTF_8));
    return new String(plain, StandardCharsets.UTF_8);
  }

  public String hashPassword(String password) {
    return passwords.hash(password.toCharArray());
  }

  public boolean passwordMatches(String password, String storedHash) {
    return passwords.verify(password.toCharArray(), storedHash);
  }

  /** For an unknown user: costs what a real check costs, always false. */
  public boolean decoyPasswordCheck(String password) {
    return passwords.verifyAgainstDecoy(password.toCharArray());
  }

  public SecureRandom random() {
    return random;
  }

  /** What this master key gives for {@link Purpose#MASTER_KEY_CHECK}: stored, never secret. */
  public String masterKeyCheckValue() {
    return digest(Purpose.MASTER_KEY_CHECK, "tradebridge master key check");
  }

  public boolean ready() {
    return box != null;
  }
}
