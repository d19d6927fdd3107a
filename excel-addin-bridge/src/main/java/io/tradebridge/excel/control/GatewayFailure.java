package io.tradebridge.excel.control;

/**
 * A whole batch went unanswered: the server could not be reached or failed (nothing known about its
 * orders; their ids make a resend safe), refused the key (nothing more will work), or limited the
 * whole request (wait {@link #retryAfterSeconds()} and send it again).
 */
public class GatewayFailure extends Exception {

  public enum Kind {
    UNREACHABLE,
    REFUSED,
    RATE_LIMITED
  }

  private final Kind kind;
  private final long retryAfterSeconds;

  public GatewayFailure(Kind kind, String message, long retryAfterSeconds) {
    super(message);
    this.kind = kind;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public Kind kind() {
    return kind;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
