package io.tradebridge.crypto.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF-SHA256 (RFC 5869): one master key, an independent key for each purpose. */
public final class Hkdf {

  private static final String HMAC = "HmacSHA256";

  private Hkdf() {}

  public static byte[] derive(byte[] inputKey, String info, int length) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      // Extract with an all-zero salt (RFC 5869 §2.2: "if not provided, it is set to a string of
      // HashLen zeros").
      mac.init(new SecretKeySpec(new byte[32], HMAC));
      byte[] pseudoRandomKey = mac.doFinal(inputKey);
      mac.init(new SecretKeySpec(pseudoRandomKey, HMAC));
      byte[] infoBytes = info.getBytes(StandardCharsets.UTF_8);
      byte[] out = new byte[length];
      byte[] block = new byte[0];
      int written = 0;
      for (int counter = 1; written < length; counter++) {
        mac.update(block);
        mac.update(infoBytes);
        mac.update((byte) counter);
        block = mac.doFinal();
        int n = Math.min(block.length, length - written);
        System.arraycopy(block, 0, out, written, n);
        written += n;
      }
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HKDF-SHA256 is not available", e);
    }
  }
}
