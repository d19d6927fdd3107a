package io.tradebridge.rest.problem;

import io.tradebridge.common.control.FieldError;
import io.tradebridge.common.control.ProblemCode;
import io.tradebridge.rest.json.AnswerJson;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** The single place where an error code becomes an HTTP status and a problem+json body. */
public final class Problems {

  public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

  private Problems() {}

  public static int statusOf(ProblemCode code) {
    return switch (code) {
      case VALIDATION_FAILED, MALFORMED_REQUEST, API_KEY_IN_URL -> 400;
      case UNAUTHENTICATED, TOTP_REQUIRED, TOTP_INVALID -> 401;
      case FORBIDDEN, SESSION_REQUIRED, CSRF -> 403;
      case NOT_FOUND -> 404;
      case METHOD_NOT_ALLOWED -> 405;
      case CONFLICT -> 409;
      case ORDER_REJECTED -> 422;
      case RATE_LIMITED -> 429;
      case INTERNAL -> 500;
      case BROKER_UNAVAILABLE -> 502;
    };
  }

  public static Problem problem(
      ProblemCode code, int status, String detail, List<FieldError> errors, long retryAfter) {
    return new Problem(
        code.type(),
        code.title(),
        status,
        code.name(),
        detail,
        "urn:uuid:" + UUID.randomUUID(),
        errors == null || errors.isEmpty() ? null : errors,
        retryAfter > 0 ? retryAfter : null);
  }

  public static Response response(Problem problem) {
    Response.ResponseBuilder builder =
        Response.status(problem.status()).type(PROBLEM_JSON).entity(problem);
    if (problem.retryAfter() != null) {
      builder.header("Retry-After", problem.retryAfter());
    }
    return builder.build();
  }

  /** The problem an exception stands for, as a batch row carries it. */
  public static Problem of(io.tradebridge.common.control.TradebridgeException e) {
    int status = e instanceof MalformedRequest m ? m.status() : statusOf(e.code());
    return problem(e.code(), status, e.detail(), e.errors(), e.retryAfterSeconds());
  }

  /**
   * Writes a problem straight to a servlet response, for answers given before JAX-RS is reached
   * (the edge filter, the container's error pages). Never cached: a problem can echo what was sent.
   */
  public static void write(HttpServletResponse response, Problem problem) throws IOException {
    response.setStatus(problem.status());
    response.setContentType(PROBLEM_JSON.toString());
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    if (problem.retryAfter() != null) {
      response.setHeader("Retry-After", String.valueOf(problem.retryAfter()));
    }
    response.getOutputStream().write(AnswerJson.write(problem).getBytes(StandardCharsets.UTF_8));
  }

  public static Response response(ProblemCode code, String detail) {
    return response(problem(code, statusOf(code), detail, List.of(), 0));
  }
}
