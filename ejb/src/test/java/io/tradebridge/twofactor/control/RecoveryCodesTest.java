package io.tradebridge.twofactor.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryCodesTest {

  @Test
  void recoveryCodesAreTenDistinctAndReadable() {
    List<String> codes = RecoveryCodes.generate();
    assertEquals(10, codes.size());
    assertEquals(10, new HashSet<>(codes).size());
    for (String code : codes) {
      assertTrue(code.matches("[a-z0-9]{4}(-[a-z0-9]{4}){3}"), code);
      assertEquals(code.replace("-", ""), RecoveryCodes.normalise(code));
    }
  }

  @Test
  void typedRecoveryCodesAreNormalisedAndThoseOfEarlierReleasesStillCount() {
    assertEquals("abcd1234efgh5678", RecoveryCodes.normalise(" ABCD-1234 efgh-5678 "));
    assertEquals(
        "abcde23456", RecoveryCodes.normalise(" ABCDE-23456 "), "an earlier release's code");
    assertNull(RecoveryCodes.normalise("abc"));
    assertNull(RecoveryCodes.normalise("abcde-1890x"));
    assertNull(RecoveryCodes.normalise("abcd-1234-efgh-567!"));
  }

  @Test
  void sixDigitsAreATotpCodeNotARecoveryCode() {
    assertTrue(RecoveryCodes.looksLikeTotp("123456"));
    assertNull(RecoveryCodes.normalise("123456"));
  }
}
