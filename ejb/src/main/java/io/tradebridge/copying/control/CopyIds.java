package io.tradebridge.copying.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A copy's client order id: derived from the master order, the child and the piece, so that placing
 * the same copy again — after a restart, on another server — meets the first placement's answer and
 * places nothing (the order desk's idempotency). Master order ids are 36 characters and account
 * names up to 32, more than the 64 a client order id may hold: a digest keeps it short.
 */
public final class CopyIds {

  private CopyIds() {}

  public static String of(String masterOrderId, String child, int piece) {
    String seed = masterOrderId + "|" + child.strip().toUpperCase(Locale.ROOT) + "|" + piece;
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
      return "copy-" + HexFormat.of().formatHex(digest).substring(0, 40);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
