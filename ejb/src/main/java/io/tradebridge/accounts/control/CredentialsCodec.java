package io.tradebridge.accounts.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/** Broker credentials as a JSON object of strings: the plaintext form that gets sealed. */
public final class CredentialsCodec {

  private CredentialsCodec() {}

  public static String toJson(Map<String, String> credentials) {
    JsonObjectBuilder builder = Json.createObjectBuilder();
    credentials.forEach(builder::add);
    return builder.build().toString();
  }

  public static Map<String, String> fromJson(String json) {
    Map<String, String> out = new LinkedHashMap<>();
    try (var reader = Json.createReader(new StringReader(json))) {
      JsonObject object = reader.readObject();
      object.forEach((k, v) -> out.put(k, ((JsonString) v).getString()));
    }
    return out;
  }
}
