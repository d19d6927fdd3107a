package io.tradebridge.twofactor.control;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 TOTP over RFC 4226 HOTP: HMAC-SHA1, 6 digits, 30-second steps, the parameters every
 * authenticator app uses by default. Pure and framework-free; policy lives in {@link TotpVerifier}.
 */
public final class TotpAlgorithm {

  public static final int STEP_SECONDS = 30;
  public static final int DIGITS = 6;
  private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

  private final String hmac;
  private final int digits;

  public TotpAlgorithm() {
    this("HmacSHA1", DIGITS);
  }

  /** For the RFC 6238 appendix B vectors, which also use SHA-256/512 and 8 digits. */
  public TotpAlgorithm(String hmac, int digits) {
    this.hmac = hmac;
    this.digits = digits;
  }

  public static long stepOf(Instant time) {
    return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
  }

  public String codeAt(byte[] secret, long step) {
    try {
      Mac mac = Mac.getInstance(hmac);
      mac.init(new SecretKeySpec(secret, "RAW"));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      // Dynamic truncation, RFC 4226 §5.3.
      int offset = hash[hash.length - 1] & 0x0f;
      int binary = ((hash[offset] & 0x7f) << 24)
          | ((hash[offset + 1] & 0xff) << 16)
          | ((hash[offset + 2] & 0xff) << 8)
          | (hash[offset + 3] & 0xff);
      String code = Integer.toString(binary % POWERS[digits]);
      return "0".repeat(digits - code.length()) + code;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(hmac + " is not available", e);
    }
  }
}
