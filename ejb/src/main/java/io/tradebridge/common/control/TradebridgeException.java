package io.tradebridge.common.control;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * The one exception family of Tradebridge. Each carries an API error code and a detail that is safe
 * to show the caller; the web module maps them to problem+json in one place. Thrown from a session
 * bean it rolls the transaction back and reaches the caller unwrapped.
 */
@ApplicationException(inherited = true, rollback = true)
public class TradebridgeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ProblemCode code;
  private final transient List<FieldError> errors;
  private final long retryAfterSeconds;

  protected TradebridgeException(
      ProblemCode code, String detail, List<FieldError> errors, long retryAfterSeconds) {
    super(detail, null, false, false);
    this.code = code;
    this.errors = List.copyOf(errors);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public TradebridgeException(ProblemCode code, String detail) {
    this(code, detail, List.of(), 0);
  }

  public ProblemCode code() {
    return code;
  }

  public String detail() {
    return getMessage();
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** Seconds the caller should wait, for RATE_LIMITED; 0 otherwise. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public static TradebridgeException validation(String field, String message) {
    return validation(List.of(new FieldError(field, message)));
  }

  public static TradebridgeException validation(List<FieldError> errors) {
    String detail =
        errors.size() == 1
            ? errors.get(0).field() + " " + errors.get(0).message()
            : errors.size()
                + " fields are invalid: "
                + String.join(", ", errors.stream().map(FieldError::field).toList());
    return new TradebridgeException(ProblemCode.VALIDATION_FAILED, detail, errors, 0);
  }

  /** One answer for every authentication failure, so nothing tells the cases apart. */
  public static TradebridgeException unauthenticated() {
    return new TradebridgeException(ProblemCode.UNAUTHENTICATED, "authentication failed");
  }

  public static TradebridgeException notFound(String what) {
    return new TradebridgeException(ProblemCode.NOT_FOUND, what + " not found");
  }

  public static TradebridgeException conflict(String detail) {
    return new TradebridgeException(ProblemCode.CONFLICT, detail);
  }

  public static TradebridgeException forbidden(String detail) {
    return new TradebridgeException(ProblemCode.FORBIDDEN, detail);
  }

  public static TradebridgeException totpRequired() {
    return new TradebridgeException(
        ProblemCode.TOTP_REQUIRED, "enter the current code from your authenticator app");
  }

  public static TradebridgeException totpInvalid() {
    return new TradebridgeException(
        ProblemCode.TOTP_INVALID, "the authenticator code is wrong, expired or already used");
  }

  /** Well-formed but refused: a risk limit, an unknown instrument, an account that is not live. */
  /** The broker could not be reached or answered with a fault (API.md, "Real brokers"). */
  public static TradebridgeException brokerUnavailable(String detail) {
    return new TradebridgeException(ProblemCode.BROKER_UNAVAILABLE, detail);
  }

  public static TradebridgeException orderRejected(String detail) {
    return new TradebridgeException(ProblemCode.ORDER_REJECTED, detail);
  }

  public static TradebridgeException rateLimited(long retryAfterSeconds, String detail) {
    return new TradebridgeException(
        ProblemCode.RATE_LIMITED, detail, List.of(), Math.max(1, retryAfterSeconds));
  }
}
