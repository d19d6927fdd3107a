package io.tradebridge.rest.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The one JSON-B instance every answer is written with. API.md: every documented field of an answer
 * is present, {@code null} when it has no value — JSON-B drops nulls by default, so a client could
 * not tell "no expiry" from "field renamed". Built once: creating a Jsonb is costly.
 */
@Provider
public class AnswerJson implements ContextResolver<Jsonb> {

  private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

  /** For the few answers written outside JAX-RS (servlet filters, error pages). */
  public static String write(Object answer) {
    return JSONB.toJson(answer);
  }

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }
}
