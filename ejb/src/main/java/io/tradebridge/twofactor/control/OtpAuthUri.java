package io.tradebridge.twofactor.control;

import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.qr.QrData;

/**
 * The otpauth:// URI authenticator apps read from a QR code (Google Authenticator key URI format),
 * by java-totp.
 */
public final class OtpAuthUri {

  static final String ISSUER = "Tradebridge";

  private OtpAuthUri() {}

  public static QrData of(String username, String base32Secret) {
    return new QrData.Builder()
        .label(ISSUER + ":" + username)
        .secret(base32Secret)
        .issuer(ISSUER)
        .algorithm(HashingAlgorithm.SHA1)
        .digits(TotpAlgorithm.DIGITS)
        .period(TotpAlgorithm.STEP_SECONDS)
        .build();
  }
}
