package io.tradebridge.common.control;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/** Identifiers: UUIDs for records, URL-safe random tokens for sessions and challenges. */
public final class Ids {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  /**
   * A time-ordered UUID (version 7, RFC 9562): 48 bits of Unix milliseconds, then 74 random bits.
   * Records are inserted in the order of their keys, so a table's primary-key index grows at its
   * end instead of splitting pages all over: random UUIDs made index maintenance a large part of
   * every order's insert.
   */
  public static String newId() {
    byte[] random = new byte[10];
    RANDOM.nextBytes(random);
    // The wall clock, not the injected Clock: these bits order index pages, they are no business
    // time.
    long millis = System.currentTimeMillis();
    long high = (millis << 16) | 0x7000L | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
    long low = 0x8000000000000000L | (((long) random[2] & 0x3F) << 56);
    for (int i = 3; i < 10; i++) {
      low |= ((long) random[i] & 0xFF) << (8 * (9 - i));
    }
    return new UUID(high, low).toString();
  }

  /** 256 random bits, base64url without padding (43 characters). */
  public static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
