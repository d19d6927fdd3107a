package io.tradebridge.common.control;

/**
 * The error codes of API.md ("Errors"). The HTTP status for each lives in the web module; here they
 * are only names and titles, so business code never speaks HTTP.
 */
public enum ProblemCode {
  VALIDATION_FAILED("Validation failed"),
  MALFORMED_REQUEST("Malformed request"),
  API_KEY_IN_URL("API key in URL"),
  UNAUTHENTICATED("Authentication failed"),
  TOTP_REQUIRED("Authenticator code required"),
  TOTP_INVALID("Authenticator code invalid"),
  FORBIDDEN("Forbidden"),
  SESSION_REQUIRED("Session required"),
  CSRF("CSRF token missing or invalid"),
  NOT_FOUND("Not found"),
  METHOD_NOT_ALLOWED("Method not allowed"),
  CONFLICT("Conflict"),
  ORDER_REJECTED("Order rejected"),
  RATE_LIMITED("Too many requests"),
  INTERNAL("Internal error"),
  BROKER_UNAVAILABLE("Broker unavailable");

  private final String title;

  ProblemCode(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }

  /** The problem type URI: {@code https://tradebridge.dev/problems/validation-failed}. */
  public String type() {
    return "https://tradebridge.dev/problems/" + name().toLowerCase().replace('_', '-');
  }
}
