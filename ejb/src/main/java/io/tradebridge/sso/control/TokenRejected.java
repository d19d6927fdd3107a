package io.tradebridge.sso.control;

/**
 * A Bearer token we do not accept. The reason feeds the authentication-failure metric; the caller
 * only ever sees one 401, and the token itself is never logged or echoed.
 */
public class TokenRejected extends Exception {

  public enum Reason {
    NOT_CONFIGURED,
    OVERSIZED,
    MALFORMED,
    ALGORITHM,
    SIGNATURE,
    EXPIRED,
    NOT_YET_VALID,
    ISSUER,
    AUDIENCE,
    CLAIMS,
    KEYS_UNAVAILABLE
  }

  private final Reason reason;

  public TokenRejected(Reason reason) {
    super(
        "single sign-on token refused: " + reason.name().toLowerCase(java.util.Locale.ROOT),
        null,
        false,
        false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
