package io.tradebridge.rest.json;

import jakarta.json.JsonObject;

/**
 * A JSON object body read with the same size and syntax checks as every other body, left unbound
 * for a resource that must take a field out before binding the rest (the webhook's {@code apikey}).
 */
public record JsonBody(JsonObject object) {

  @Override
  public String toString() {
    return "JsonBody[hidden]";
  }
}
