package io.tradebridge.twofactor.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TotpVerifierTest {

  private static final String SECRET =
      "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // RFC 6238's "1234567890…" seed
  private static final Instant NOW = Instant.ofEpochSecond(1_111_111_111L);
  private static final long STEP = TotpAlgorithm.stepOf(NOW);
  private final TotpAlgorithm algorithm = new TotpAlgorithm();
  private final TotpVerifier verifier =
      new TotpVerifier(algorithm, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void acceptsTheCurrentCodeAndSaysWhichStepItWas() {
    assertEquals(
        STEP, verifier.verify(SECRET, algorithm.codeAt(SECRET, STEP), Long.MIN_VALUE).getAsLong());
  }

  @Test
  void toleratesOneStepOfClockDriftEitherSideButNoMore() {
    assertTrue(
        verifier.verify(SECRET, algorithm.codeAt(SECRET, STEP - 1), Long.MIN_VALUE).isPresent());
    assertTrue(
        verifier.verify(SECRET, algorithm.codeAt(SECRET, STEP + 1), Long.MIN_VALUE).isPresent());
    assertTrue(
        verifier.verify(SECRET, algorithm.codeAt(SECRET, STEP - 2), Long.MIN_VALUE).isEmpty());
    assertTrue(
        verifier.verify(SECRET, algorithm.codeAt(SECRET, STEP + 2), Long.MIN_VALUE).isEmpty());
  }

  @Test
  void rejectsReusedCode() {
    String code = algorithm.codeAt(SECRET, STEP);
    long accepted = verifier.verify(SECRET, code, Long.MIN_VALUE).getAsLong();
    assertTrue(verifier.verify(SECRET, code, accepted).isEmpty());
  }

  @Test
  void rejectsAnOlderCodeOnceANewerOneWasAccepted() {
    assertTrue(verifier.verify(SECRET, algorithm.codeAt(SECRET, STEP - 1), STEP).isEmpty());
  }

  @Test
  void rejectsMalformedCodesWithoutThrowing() {
    for (String code : new String[] {null, "", "12345", "1234567", "abcdef", "12 456"}) {
      assertTrue(verifier.verify(SECRET, code, Long.MIN_VALUE).isEmpty(), String.valueOf(code));
    }
  }
}
