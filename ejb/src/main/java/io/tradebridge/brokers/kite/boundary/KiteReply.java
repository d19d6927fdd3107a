package io.tradebridge.brokers.kite.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;

/**
 * One answer from Kite, read whole: its HTTP status and its JSON envelope ({@code {"status":
 * "success","data":…}} or {@code {"status":"error","message":…,"error_type":…}}), or the text of a
 * CSV answer.
 */
public record KiteReply(int httpStatus, JsonObject json, String text) {

  static KiteReply of(Response response) {
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
      return new KiteReply(response.getStatus(), json, body);
    }
  }

  boolean ok() {
    return httpStatus / 100 == 2 && json != null && "success".equals(json.getString("status", ""));
  }

  boolean okText() {
    return httpStatus / 100 == 2 && json == null;
  }

  JsonObject data() {
    JsonValue data = json.get("data");
    return data instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
  }

  String errorType() {
    return json == null ? "" : json.getString("error_type", "");
  }

  String message() {
    if (json != null && json.containsKey("message") && !json.isNull("message")) {
      return json.getString("message");
    }
    return "Kite answered HTTP " + httpStatus;
  }
}
