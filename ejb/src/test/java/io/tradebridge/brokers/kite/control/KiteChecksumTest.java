package io.tradebridge.brokers.kite.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KiteChecksumTest {

  @Test
  void theTokenExchangeChecksumIsSha256OfKeyTokenAndSecretInHex() {
    // SHA-256("abc"), the FIPS 180-2 test vector, split the way Kite's parts are joined.
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        KiteChecksum.of("a", "b", "c"));
  }

  @Test
  void aPostbackChecksumMatchesWhateverItsCaseAndNothingElseDoes() {
    String expected = KiteChecksum.of("220303000308932", "2022-03-03 09:24:25", "secret");
    assertTrue(KiteChecksum.matches(expected, expected.toUpperCase()));
    assertFalse(KiteChecksum.matches(expected, KiteChecksum.of("220303000308932", "x", "secret")));
    assertFalse(KiteChecksum.matches(expected, null));
  }
}
