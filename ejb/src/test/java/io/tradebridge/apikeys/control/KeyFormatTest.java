package io.tradebridge.apikeys.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradebridge.access.entity.KeyEnvironment;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyFormatTest {

  private final SecureRandom random = new SecureRandom();

  @Test
  void generatedKeysHaveTheDocumentedShape() {
    String live = KeyFormat.generate(KeyEnvironment.LIVE, random);
    String test = KeyFormat.generate(KeyEnvironment.TEST, random);
    assertEquals(46, live.length());
    assertTrue(live.matches("tb_live_[0-9A-Za-z]{38}"), live);
    assertTrue(test.matches("tb_test_[0-9A-Za-z]{38}"), test);
    assertEquals(Optional.of(KeyEnvironment.LIVE), KeyFormat.parse(live));
    assertEquals(Optional.of(KeyEnvironment.TEST), KeyFormat.parse(test));
  }

  @Test
  void theChecksumIsCrc32InBase62MostSignificantDigitFirst() {
    // Vectors computed independently with Python's zlib.crc32 and the base62 alphabet of API.md.
    assertEquals("0gMchR", KeyFormat.checksum("tb_live_" + "0".repeat(32)));
    assertEquals("4Ehb83", KeyFormat.checksum("tb_test_Q2x9abcdefghijklmnopqrstuvwxyzAB"));
    assertEquals(
        Optional.of(KeyEnvironment.TEST),
        KeyFormat.parse("tb_test_Q2x9abcdefghijklmnopqrstuvwxyzAB4Ehb83"));
  }

  @Test
  void everySingleCharacterTypoIsCaughtByTheChecksum() {
    String key = KeyFormat.generate(KeyEnvironment.LIVE, random);
    for (int i = 8; i < key.length(); i++) {
      char replacement = key.charAt(i) == 'a' ? 'b' : 'a';
      String typo = key.substring(0, i) + replacement + key.substring(i + 1);
      assertEquals(Optional.empty(), KeyFormat.parse(typo), "typo at " + i);
    }
  }

  @Test
  void refusesWrongPrefixesLengthsAndCharacters() {
    String key = KeyFormat.generate(KeyEnvironment.LIVE, random);
    assertEquals(Optional.empty(), KeyFormat.parse(null));
    assertEquals(Optional.empty(), KeyFormat.parse(key.substring(1)));
    assertEquals(Optional.empty(), KeyFormat.parse(key + "0"));
    assertEquals(Optional.empty(), KeyFormat.parse("tb_prod" + key.substring(7)));
    assertEquals(Optional.empty(), KeyFormat.parse(key.substring(0, 20) + "-" + key.substring(21)));
  }

  @Test
  void keysDoNotRepeat() {
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      keys.add(KeyFormat.generate(KeyEnvironment.LIVE, random));
    }
    assertEquals(10_000, keys.size());
    assertNotEquals(
        KeyFormat.generate(KeyEnvironment.LIVE, random),
        KeyFormat.generate(KeyEnvironment.LIVE, random));
  }
}
