package io.tradebridge.excel.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ApiKeyCheckTest {

  /** Built by hand from API.md: prefix + 32 characters, CRC32 of those 40 bytes in base62. */
  private static final String VALID =
      "tb_live_" + "Q2x9" + "a".repeat(28) + checksumOf("tb_live_Q2x9" + "a".repeat(28));

  private static String checksumOf(String body) {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    long v = crc.getValue();
    char[] out = new char[6];
    for (int i = 5; i >= 0; i--) {
      out[i] = alphabet.charAt((int) (v % 62));
      v /= 62;
    }
    return new String(out);
  }

  @Test
  void acceptsAWellFormedKey() {
    assertEquals(46, VALID.length());
    assertNull(ApiKeyCheck.problemWith(VALID));
  }

  @Test
  void reportsAMistypedCharacterAsAChecksumProblem() {
    String typo =
        VALID.substring(0, 20) + (VALID.charAt(20) == 'b' ? 'c' : 'b') + VALID.substring(21);
    assertTrue(ApiKeyCheck.problemWith(typo).contains("checksum"));
  }

  @Test
  void reportsACutKeyByItsLengthWithoutEchoingIt() {
    String message = ApiKeyCheck.problemWith(VALID.substring(0, 40));
    assertTrue(message.contains("46 characters"));
    assertTrue(!message.contains(VALID.substring(8, 20)));
  }

  @Test
  void reportsAMissingKeyWithWhereToPutIt() {
    assertTrue(ApiKeyCheck.problemWith(null).contains("TRADEBRIDGE_API_KEY"));
  }
}
