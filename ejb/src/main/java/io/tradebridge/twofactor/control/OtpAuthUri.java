package io.tradebridge.twofactor.control;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The otpauth:// URI authenticator apps read from a QR code (Google Authenticator key URI format). */
public final class OtpAuthUri {

  private static final String ISSUER = "Tradebridge";

  private OtpAuthUri() {}

  public static String of(String username, String base32Secret) {
    String label = encode(ISSUER) + ":" + encode(username);
    return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + encode(ISSUER)
        + "&algorithm=SHA1&digits=" + TotpAlgorithm.DIGITS + "&period=" + TotpAlgorithm.STEP_SECONDS;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
