package io.tradebridge.twofactor.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class Base32AndRecoveryCodesTest {

  @Test
  void encodesTheRfc4648Vectors() {
    assertEquals("MZXW6YTBOI", Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII)));
    assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Base32.encode("12345678901234567890".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void decodesWhatAPersonTypesWithSpacesAndLowerCase() {
    assertArrayEquals("foobar".getBytes(StandardCharsets.US_ASCII), Base32.decode("mzxw 6ytb oi"));
  }

  @Test
  void recoveryCodesAreTenDistinctAndReadable() {
    List<String> codes = RecoveryCodes.generate(new SecureRandom());
    assertEquals(10, codes.size());
    assertEquals(10, new HashSet<>(codes).size());
    for (String code : codes) {
      assertTrue(code.matches("[a-z2-7]{5}-[a-z2-7]{5}"), code);
    }
  }

  @Test
  void typedRecoveryCodesAreNormalised() {
    assertEquals("abcde23456", RecoveryCodes.normalise(" ABCDE-23456 "));
    assertNull(RecoveryCodes.normalise("abc"));
    assertNull(RecoveryCodes.normalise("abcde-1890x"));
  }
}
