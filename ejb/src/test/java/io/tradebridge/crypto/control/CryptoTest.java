package io.tradebridge.crypto.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CryptoTest {

  private final SecureRandom random = new SecureRandom();

  @Test
  void hkdfMatchesRfc5869TestCase1() {
    // RFC 5869 A.1 uses a salt; with an empty/zero salt the A.3 vector applies (IKM 22 x 0x0b, no
    // info).
    byte[] ikm = HexFormat.of().parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
    byte[] okm = Hkdf.derive(ikm, "", 42);
    assertEquals(
        "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8",
        HexFormat.of().formatHex(okm));
  }

  @Test
  void derivedKeysDifferByPurpose() {
    byte[] master = new byte[32];
    random.nextBytes(master);
    assertFalse(
        java.util.Arrays.equals(Hkdf.derive(master, "a", 32), Hkdf.derive(master, "b", 32)));
  }

  @Test
  void sealedSecretsOpenOnlyWithTheSameKeyAndRecord() {
    byte[] key = new byte[32];
    random.nextBytes(key);
    SecretBox box = new SecretBox(key, random);
    byte[] secret = "tb_live_secret".getBytes(StandardCharsets.UTF_8);
    byte[] sealed = box.seal(secret, "api-key:1".getBytes(StandardCharsets.UTF_8));
    assertArrayEquals(secret, box.open(sealed, "api-key:1".getBytes(StandardCharsets.UTF_8)));
    assertNotEquals(
        new String(sealed, StandardCharsets.ISO_8859_1),
        new String(
            box.seal(secret, "api-key:1".getBytes(StandardCharsets.UTF_8)),
            StandardCharsets.ISO_8859_1),
        "a fresh nonce each time");
    assertThrows(
        SecretBox.TamperedSecretException.class,
        () -> box.open(sealed, "api-key:2".getBytes(StandardCharsets.UTF_8)));
    byte[] otherKey = new byte[32];
    random.nextBytes(otherKey);
    assertThrows(
        SecretBox.TamperedSecretException.class,
        () ->
            new SecretBox(otherKey, random)
                .open(sealed, "api-key:1".getBytes(StandardCharsets.UTF_8)));
    sealed[sealed.length - 1] ^= 1;
    assertThrows(
        SecretBox.TamperedSecretException.class,
        () -> box.open(sealed, "api-key:1".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void digestsAreStableKeyedAndUrlSafe() {
    SecretDigest a = new SecretDigest(new byte[32]);
    byte[] otherKey = new byte[32];
    otherKey[0] = 1;
    assertEquals(a.of("tb_live_x"), a.of("tb_live_x"));
    assertNotEquals(a.of("tb_live_x"), new SecretDigest(otherKey).of("tb_live_x"));
    assertEquals(43, a.of("tb_live_x").length());
    assertTrue(a.of("tb_live_x").matches("[A-Za-z0-9_-]+"));
  }

  @Test
  void passwordsVerifyAndHashesAreSaltedAndNamed() {
    PasswordHasher hasher = new PasswordHasher(random, 1_000);
    String hash = hasher.hash("correct horse".toCharArray());
    assertTrue(hash.startsWith("pbkdf2-sha256$1000$"), hash);
    assertTrue(hasher.verify("correct horse".toCharArray(), hash));
    assertFalse(hasher.verify("correct horsf".toCharArray(), hash));
    assertNotEquals(hash, hasher.hash("correct horse".toCharArray()));
    assertFalse(hasher.verifyAgainstDecoy("correct horse".toCharArray()));
    assertTrue(PasswordHasher.ITERATIONS >= 600_000);
  }

  @Test
  void theMasterKeyIsGeneratedOnceWithOwnerOnlyPermissions(@TempDir Path dir) throws Exception {
    byte[] first = MasterKeySource.load(Optional.empty(), dir, random);
    byte[] second = MasterKeySource.load(Optional.empty(), dir, random);
    assertArrayEquals(first, second);
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("master.key"))));
  }

  @Test
  void aMasterKeyFromTheEnvironmentWinsAndABadOneIsRefusedWithoutEchoingIt(@TempDir Path dir) {
    byte[] key = new byte[32];
    key[5] = 7;
    String b64 = java.util.Base64.getEncoder().encodeToString(key);
    assertArrayEquals(key, MasterKeySource.load(Optional.of(b64), dir, random));
    assertFalse(Files.exists(dir.resolve("master.key")));
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> MasterKeySource.load(Optional.of("c2hvcnQ="), dir, random));
    assertFalse(e.getMessage().contains("c2hvcnQ="), e.getMessage());
  }
}
