package io.tradebridge.openalgo.boundary;

import io.tradebridge.common.control.FieldError;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.openalgo.control.OpenAlgoFields;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The answers of the OpenAlgo-compatible API in OpenAlgo's shape: 200 {@code {"status":"success",
 * …}}, errors {@code {"status":"error","message":…}} with the HTTP codes OpenAlgo's server uses —
 * 400 for what its schemas refuse (and for a broker's refusal), 403 for an unknown key or an
 * operation a semi-automatic key may not do, 404 for an unknown order, 429 past a rate limit, 500
 * when the broker could not be asked. Our own problem codes are mapped here, in the boundary, once.
 */
final class OpenAlgoReply {

  static final String INVALID_KEY = "Invalid openalgo apikey";

  private OpenAlgoReply() {}

  static Response success(JsonObjectBuilder fields) {
    return json(200, fields.add("status", "success").build());
  }

  static Response error(int status, String message) {
    return json(
        status, Json.createObjectBuilder().add("status", "error").add("message", message).build());
  }

  static Response invalid(OpenAlgoFields fields) {
    return error(400, fields.message());
  }

  static Response of(TradebridgeException e) {
    Response answer =
        switch (e.code()) {
          case VALIDATION_FAILED -> error(400, validationMessage(e));
          case MALFORMED_REQUEST, ORDER_REJECTED, CONFLICT -> error(400, e.detail());
          case UNAUTHENTICATED -> error(403, INVALID_KEY);
          case FORBIDDEN, SESSION_REQUIRED, CSRF, TOTP_REQUIRED, TOTP_INVALID ->
              error(403, e.detail());
          case NOT_FOUND -> error(404, e.detail());
          case METHOD_NOT_ALLOWED -> error(405, e.detail());
          case RATE_LIMITED ->
              Response.fromResponse(error(429, e.detail()))
                  .header("Retry-After", e.retryAfterSeconds())
                  .build();
          case API_KEY_IN_URL -> error(400, e.detail());
          case BROKER_UNAVAILABLE, INTERNAL -> error(500, e.detail());
        };
    return answer;
  }

  /** Our field errors in OpenAlgo's words: Python's rendering of a field → messages dict. */
  private static String validationMessage(TradebridgeException e) {
    if (e.errors().isEmpty()) {
      return e.detail();
    }
    OpenAlgoFields fields = new OpenAlgoFields(JsonObject.EMPTY_JSON_OBJECT);
    for (FieldError error : e.errors()) {
      fields.error(OpenAlgoNames.of(error.field()), error.message());
    }
    return fields.message();
  }

  private static Response json(int status, JsonObject body) {
    return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body.toString()).build();
  }
}
