package io.tradebridge.brokers.upstox.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;

/**
 * One answer from Upstox, read whole: its HTTP status and its JSON envelope ({@code
 * {"status":"success","data":…}} or {@code {"status":"error","errors":[{"errorCode":…,
 * "message":…}]}}).
 */
public record UpstoxReply(int httpStatus, JsonObject json) {

  static UpstoxReply of(Response response) {
    try (response) {
      String body = response.hasEntity() ? response.readEntity(String.class) : "";
      JsonObject json = null;
      if (body.startsWith("{")) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
          json = reader.readObject();
        } catch (JsonParsingException notJson) {
          json = null;
        }
      }
      return new UpstoxReply(response.getStatus(), json);
    }
  }

  boolean ok() {
    return httpStatus / 100 == 2 && json != null && "success".equals(json.getString("status", ""));
  }

  /** {@code data} when it is an object, else an empty one. */
  JsonObject data() {
    JsonValue data = json == null ? null : json.get("data");
    return data instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
  }

  /** {@code data} when it is a list, else an empty one. */
  JsonArray rows() {
    JsonValue data = json == null ? null : json.get("data");
    return data instanceof JsonArray array ? array : JsonValue.EMPTY_JSON_ARRAY;
  }

  private JsonObject firstError() {
    if (json != null
        && json.get("errors") instanceof JsonArray errors
        && !errors.isEmpty()
        && errors.get(0) instanceof JsonObject first) {
      return first;
    }
    return JsonValue.EMPTY_JSON_OBJECT;
  }

  String errorCode() {
    JsonObject error = firstError();
    return error.getString("errorCode", error.getString("error_code", ""));
  }

  String message() {
    String message = firstError().getString("message", "");
    return message.isBlank() ? "Upstox answered HTTP " + httpStatus : message;
  }
}
