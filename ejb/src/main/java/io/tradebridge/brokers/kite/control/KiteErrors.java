package io.tradebridge.brokers.kite.control;

import io.tradebridge.orders.entity.Sent;

/**
 * Kite's error answers ({@code {"status":"error","message":…,"error_type":…}}, Kite Connect v3,
 * "Exceptions") in our terms. The message is Kite's own and goes to the trader as it is.
 */
public final class KiteErrors {

  private KiteErrors() {}

  /**
   * What an error answer to a placement means: a session that ended, a refusal the trader can act
   * on, or — for Kite's own faults, where the order may have reached the exchange — an unknown
   * outcome to settle by looking the order up.
   */
  public static Sent ofPlacement(int httpStatus, String errorType, String message) {
    String words = message == null || message.isBlank() ? "Kite gave no reason" : message;
    if ("TokenException".equals(errorType) || httpStatus == 403) {
      return new Sent.LoginRequired(words);
    }
    if (httpStatus == 429) {
      return new Sent.RateLimited("Kite's rate limit: " + words);
    }
    if (httpStatus >= 500
        || "NetworkException".equals(errorType)
        || "DataException".equals(errorType)
        || "GeneralException".equals(errorType)) {
      return new Sent.Unknown("Kite answered with a fault: " + words);
    }
    // InputException, OrderException, MarginException, HoldingException, PermissionException,
    // UserException: Kite looked at the order and said no.
    return new Sent.Refused(words);
  }
}
