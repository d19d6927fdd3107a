package io.tradebridge.brokers.upstox.control;

import io.tradebridge.orders.entity.Sent;

/**
 * Upstox's error answers ({@code {"status":"error","errors":[{"errorCode":"UDAPI…","message":…}]}})
 * in our terms. The message is Upstox's own and goes to the trader as it is.
 */
public final class UpstoxErrors {

  /** "Invalid token used to access API": the day's session ended or was never opened. */
  public static final String INVALID_TOKEN = "UDAPI100050";

  private UpstoxErrors() {}

  /** Whether an answer says the access token no longer works. */
  public static boolean sessionEnded(int httpStatus, String errorCode) {
    return httpStatus == 401 || INVALID_TOKEN.equals(errorCode);
  }

  /**
   * What an error answer to a placement means: a session that ended, Upstox's rate limit, a fault
   * of Upstox's own (the order may have reached the exchange: settled by looking it up), or a
   * refusal the trader can act on.
   */
  public static Sent ofPlacement(int httpStatus, String errorCode, String message) {
    String words = message == null || message.isBlank() ? "Upstox gave no reason" : message;
    if (sessionEnded(httpStatus, errorCode)) {
      return new Sent.LoginRequired(words);
    }
    if (httpStatus == 429) {
      return new Sent.RateLimited("Upstox's rate limit: " + words);
    }
    if (httpStatus >= 500) {
      return new Sent.Unknown("Upstox answered with a fault: " + words);
    }
    return new Sent.Refused(words);
  }
}
