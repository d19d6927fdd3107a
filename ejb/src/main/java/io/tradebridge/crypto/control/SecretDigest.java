package io.tradebridge.crypto.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of a high-entropy secret (an API key, a session token, a recovery code). A fast keyed
 * digest is safe here because the secrets are random and long; it turns recognising a secret into
 * one indexed lookup instead of a slow hash per stored row. Without the master key the digests are
 * useless to whoever copies the database.
 */
public final class SecretDigest {

  private final SecretKeySpec key;

  public SecretDigest(byte[] key) {
    this.key = new SecretKeySpec(key, "HmacSHA256");
  }

  public String of(String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
