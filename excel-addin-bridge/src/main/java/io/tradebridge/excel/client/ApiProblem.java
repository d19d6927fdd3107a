package io.tradebridge.excel.client;

/**
 * An error answer of the API, typed by what the trader can do about it: a refused key (fix the
 * key), not allowed (permission or address), rate-limited (wait), the server failing or unreachable
 * (try later; ids make a resend safe), or a request the server refused. The message is the
 * problem's {@code detail} — never the key.
 */
public class ApiProblem extends RuntimeException {

  private final int status;
  private final String code;

  ApiProblem(int status, String code, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  static ApiProblem of(int status, Wire.Problem problem, Long retryAfterHeader) {
    String code = problem == null || problem.code() == null ? "HTTP_" + status : problem.code();
    String detail =
        problem == null || problem.detail() == null
            ? (problem != null && problem.title() != null
                ? problem.title()
                : "the server answered " + status)
            : problem.detail();
    if (status == 401) {
      return new KeyRefused(code, detail);
    }
    if (status == 403) {
      return new NotAllowed(code, detail);
    }
    if (status == 429) {
      Long retry =
          problem != null && problem.retryAfter() != null ? problem.retryAfter() : retryAfterHeader;
      return new RateLimited(detail, retry == null ? 1 : retry);
    }
    if (status >= 500) {
      return new ServerFailed(status, code, detail);
    }
    return new Refused(status, code, detail);
  }

  /** 401: the key is unknown, revoked, expired or mistyped. */
  public static final class KeyRefused extends ApiProblem {
    KeyRefused(String code, String detail) {
      super(
          401,
          code,
          "the API key was refused (" + detail + "); check TRADEBRIDGE_API_KEY or --api-key-file",
          null);
    }
  }

  /** 403: the key lacks a permission, or is used from an address outside its allowlist. */
  public static final class NotAllowed extends ApiProblem {
    NotAllowed(String code, String detail) {
      super(403, code, detail, null);
    }
  }

  /** 429: over a rate limit; wait {@link #retryAfterSeconds()}. */
  public static final class RateLimited extends ApiProblem {
    private final long retryAfterSeconds;

    RateLimited(String detail, long retryAfterSeconds) {
      super(429, "RATE_LIMITED", detail, null);
      this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }

  /** 5xx: the server failed; what it did with the request is unknown. */
  public static final class ServerFailed extends ApiProblem {
    ServerFailed(int status, String code, String detail) {
      super(status, code, "the server failed (" + status + "): " + detail, null);
    }
  }

  /** No answer at all: connection refused, timed out, name unknown. */
  public static final class Unreachable extends ApiProblem {
    Unreachable(String server, Throwable cause) {
      super(
          0,
          "UNREACHABLE",
          "cannot reach the server at " + server + " (" + rootMessage(cause) + ")",
          cause);
    }
  }

  /** Any other 4xx: the request itself was refused. */
  public static final class Refused extends ApiProblem {
    Refused(int status, String code, String detail) {
      super(status, code, detail, null);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
