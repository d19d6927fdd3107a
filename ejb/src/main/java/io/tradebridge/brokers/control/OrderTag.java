package io.tradebridge.brokers.control;

/**
 * The tag an order is sent to a remote broker with and looked up by: "tb" and the random end of our
 * order id — ours at a glance, within Kite's 20 characters (Upstox takes more), and telling our
 * orders apart. It is how an order whose answer was lost is found again, never sent twice.
 */
public final class OrderTag {

  /** Kite keeps at most 20 characters of a tag; every broker gets the same one. */
  public static final int LENGTH = 20;

  private OrderTag() {}

  public static String of(String orderId) {
    String hex = orderId.replace("-", "");
    return "tb" + hex.substring(hex.length() - (LENGTH - 2));
  }

  /** Whether a broker's order carries one of our tags: one we sent, not one placed elsewhere. */
  public static boolean isOurs(String tag) {
    return tag != null && tag.length() == LENGTH && tag.startsWith("tb");
  }
}
