package io.tradebridge.twofactor.control;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import java.time.Instant;

/**
 * RFC 6238 TOTP: HMAC-SHA1, 6 digits, 30-second steps, the parameters every authenticator app uses
 * by default. The code for a time step comes from java-totp's generator (the library the product
 * was specified with); which steps to try and which to refuse is our policy, in {@link
 * TotpVerifier}: the library's own verifier keeps no record of used codes (its issue #63), so it
 * would accept a replay.
 */
public final class TotpAlgorithm {

  public static final int STEP_SECONDS = 30;
  public static final int DIGITS = 6;

  private final CodeGenerator generator;

  public TotpAlgorithm() {
    this(HashingAlgorithm.SHA1, DIGITS);
  }

  /** For the RFC 6238 appendix B vectors, which also use SHA-256/512 and 8 digits. */
  public TotpAlgorithm(HashingAlgorithm algorithm, int digits) {
    this.generator = new DefaultCodeGenerator(algorithm, digits);
  }

  public static long stepOf(Instant time) {
    return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
  }

  /**
   * The code of one time step for a base32 secret (as stored and as the authenticator app holds
   * it).
   */
  public String codeAt(String base32Secret, long step) {
    try {
      return generator.generate(base32Secret, step);
    } catch (CodeGenerationException e) {
      throw new IllegalStateException("cannot compute a TOTP code", e);
    }
  }
}
