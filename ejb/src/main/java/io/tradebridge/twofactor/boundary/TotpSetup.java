package io.tradebridge.twofactor.boundary;

/**
 * What a user scans: the secret for manual entry, the otpauth URI, and the same URI as a QR code
 * PNG.
 */
public record TotpSetup(String secret, String otpauthUri, String qrCodePng) {

  @Override
  public String toString() {
    return "TotpSetup[secret hidden]";
  }
}
