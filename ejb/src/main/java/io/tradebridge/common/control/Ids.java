package io.tradebridge.common.control;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/** Identifiers: UUIDs for records, URL-safe random tokens for sessions and challenges. */
public final class Ids {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static String newId() {
    return UUID.randomUUID().toString();
  }

  /** 256 random bits, base64url without padding (43 characters). */
  public static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
