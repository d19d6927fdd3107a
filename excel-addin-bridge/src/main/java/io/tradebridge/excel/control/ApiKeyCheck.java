package io.tradebridge.excel.control;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The bridge's own check of an API key's checksum (API.md, "API key format"), run before any
 * request: a key pasted with a character missing is reported as mistyped, not sent to the server.
 * Deliberately independent of the server's code: the bridge is a client of the published format.
 */
public final class ApiKeyCheck {

  private static final String ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final int LENGTH = 46;

  private ApiKeyCheck() {}

  /** Null when the key is well-formed, else a message for the trader that never repeats the key. */
  public static String problemWith(String key) {
    if (key == null || key.isBlank()) {
      return "no API key given: set TRADEBRIDGE_API_KEY or use --api-key-file";
    }
    String k = key.strip();
    if (!k.startsWith("tb_live_") && !k.startsWith("tb_test_")) {
      return "an API key starts with tb_live_ or tb_test_";
    }
    if (k.length() != LENGTH) {
      return "an API key has " + LENGTH + " characters, this one has " + k.length();
    }
    for (int i = 8; i < LENGTH; i++) {
      if (ALPHABET.indexOf(k.charAt(i)) < 0) {
        return "the API key contains a character that cannot be in a key (position "
            + (i + 1)
            + ")";
      }
    }
    CRC32 crc = new CRC32();
    crc.update(k.substring(0, LENGTH - 6).getBytes(StandardCharsets.UTF_8));
    long value = crc.getValue();
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      digits.insert(0, ALPHABET.charAt((int) (value % 62)));
      value /= 62;
    }
    return digits.toString().equals(k.substring(LENGTH - 6))
        ? null
        : "the API key's checksum does not match: it was mistyped or cut when copied";
  }
}
