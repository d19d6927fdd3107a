package io.tradebridge.apikeys.control;

import io.tradebridge.access.entity.KeyEnvironment;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The API key format of API.md: {@code tb_live_} or {@code tb_test_}, 32 random base62 characters,
 * then a 6-character base62 CRC32 of everything before it. The checksum lets a client or a secret
 * scanner reject a mistyped key without asking the server; it is not a security measure.
 */
public final class KeyFormat {

  public static final String LIVE_PREFIX = "tb_live_";
  public static final String TEST_PREFIX = "tb_test_";
  static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  static final int RANDOM_CHARS = 32;
  static final int CHECKSUM_CHARS = 6;
  public static final int LENGTH = LIVE_PREFIX.length() + RANDOM_CHARS + CHECKSUM_CHARS;

  private KeyFormat() {}

  public static String generate(KeyEnvironment environment, SecureRandom random) {
    StringBuilder key = new StringBuilder(LENGTH).append(prefixOf(environment));
    for (int i = 0; i < RANDOM_CHARS; i++) {
      key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return key.append(checksum(key)).toString();
  }

  /**
   * The environment a well-formed key claims, or empty when the key is malformed or its checksum
   * fails.
   */
  public static Optional<KeyEnvironment> parse(String key) {
    if (key == null || key.length() != LENGTH) {
      return Optional.empty();
    }
    KeyEnvironment environment;
    if (key.startsWith(LIVE_PREFIX)) {
      environment = KeyEnvironment.LIVE;
    } else if (key.startsWith(TEST_PREFIX)) {
      environment = KeyEnvironment.TEST;
    } else {
      return Optional.empty();
    }
    for (int i = LIVE_PREFIX.length(); i < LENGTH; i++) {
      if (ALPHABET.indexOf(key.charAt(i)) < 0) {
        return Optional.empty();
      }
    }
    String body = key.substring(0, LENGTH - CHECKSUM_CHARS);
    return checksum(body).equals(key.substring(LENGTH - CHECKSUM_CHARS))
        ? Optional.of(environment)
        : Optional.empty();
  }

  public static String prefixOf(KeyEnvironment environment) {
    return environment == KeyEnvironment.LIVE ? LIVE_PREFIX : TEST_PREFIX;
  }

  /** CRC32 of the UTF-8 bytes, in base62, most significant digit first, left-padded with '0'. */
  static String checksum(CharSequence body) {
    CRC32 crc = new CRC32();
    crc.update(body.toString().getBytes(StandardCharsets.UTF_8));
    long value = crc.getValue();
    char[] digits = new char[CHECKSUM_CHARS];
    for (int i = CHECKSUM_CHARS - 1; i >= 0; i--) {
      digits[i] = ALPHABET.charAt((int) (value % 62));
      value /= 62;
    }
    return new String(digits);
  }
}
