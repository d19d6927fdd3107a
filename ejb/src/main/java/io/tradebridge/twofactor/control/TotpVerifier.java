package io.tradebridge.twofactor.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.OptionalLong;

/**
 * Checks a code against the current time step and one step either side (RFC 6238 §5.2's tolerance
 * for clock drift), and refuses any step at or before the last one accepted for this user, so an
 * observed code can never be replayed — not even within its own 30 seconds. Says only yes (with the
 * step to remember) or no; never why.
 */
public final class TotpVerifier {

  private static final int TOLERANCE_STEPS = 1;

  private final TotpAlgorithm algorithm;
  private final Clock clock;

  public TotpVerifier(TotpAlgorithm algorithm, Clock clock) {
    this.algorithm = algorithm;
    this.clock = clock;
  }

  /**
   * @param lastAcceptedStep the last step accepted for this user, or {@code Long.MIN_VALUE}
   * @return the accepted step, to be stored as the new last accepted step; empty if the code fails
   */
  public OptionalLong verify(String base32Secret, String code, long lastAcceptedStep) {
    if (code == null
        || code.length() != TotpAlgorithm.DIGITS
        || !code.chars().allMatch(Character::isDigit)) {
      return OptionalLong.empty();
    }
    long now = TotpAlgorithm.stepOf(clock.instant());
    byte[] given = code.getBytes(StandardCharsets.US_ASCII);
    long accepted = Long.MIN_VALUE;
    // Check every candidate step without stopping early, so timing does not tell which step
    // matched.
    for (long step = now - TOLERANCE_STEPS; step <= now + TOLERANCE_STEPS; step++) {
      byte[] expected = algorithm.codeAt(base32Secret, step).getBytes(StandardCharsets.US_ASCII);
      if (MessageDigest.isEqual(expected, given) && step > lastAcceptedStep) {
        accepted = step;
      }
    }
    return accepted == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(accepted);
  }
}
