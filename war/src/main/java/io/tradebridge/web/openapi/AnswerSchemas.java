package io.tradebridge.web.openapi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Makes the generated document say what the server does with answers (API.md, Errors): every field
 * of an answer is present, and {@code null} when it has no value ({@link
 * io.tradebridge.rest.json.AnswerJson}). The scanner sees records, not how they are written, so it
 * would document every field as optional and never null. Here every schema an answer uses lists all
 * its properties as required and each property as nullable; schemas used only in request bodies
 * keep their fields optional. The end-to-end tests validate every answer they receive against this
 * document, so document and server cannot drift apart.
 */
final class AnswerSchemas {

  private static final String PREFIX = "#/components/schemas/";

  private AnswerSchemas() {}

  static void apply(OpenAPI openAPI) {
    if (openAPI.getComponents() == null
        || openAPI.getComponents().getSchemas() == null
        || openAPI.getPaths() == null) {
      return;
    }
    Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
    Set<String> answers = new HashSet<>();
    Set<String> requests = new HashSet<>();
    for (PathItem item : openAPI.getPaths().getPathItems().values()) {
      for (Operation operation : item.getOperations().values()) {
        if (operation.getRequestBody() != null) {
          collect(operation.getRequestBody().getContent(), schemas, requests);
        }
        if (operation.getResponses() != null) {
          for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
            collect(response.getContent(), schemas, answers);
          }
        }
      }
    }
    // A schema that is also a request body keeps its request form (optional fields); where an
    // answer
    // holds one (an action's held order), the answer gets its own copy in answer form.
    Set<String> answerOnly = new HashSet<>(answers);
    answerOnly.removeAll(requests);
    for (String name : answerOnly) {
      Schema schema = schemas.get(name);
      if (schema != null && schema.getProperties() != null && !schema.getProperties().isEmpty()) {
        schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
        schema.getProperties().values().stream()
            .filter(p -> p.getRef() == null)
            .forEach(p -> p.setNullable(true));
      }
    }
    // A $ref cannot carry "nullable" in OpenAPI 3.0 (siblings of $ref are ignored, and validators
    // do not
    // let null through an allOf either): in an answer, a property that refers to another schema
    // gets a
    // copy of it marked nullable. The copy shares an answer-only schema's property map.
    for (String name : answerOnly) {
      Schema schema = schemas.get(name);
      if (schema == null || schema.getProperties() == null) {
        continue;
      }
      for (Map.Entry<String, Schema> property :
          new ArrayList<>(schema.getProperties().entrySet())) {
        Schema copy = answerCopy(property.getValue(), schemas, answerOnly, 0);
        if (copy != null) {
          schema.addProperty(property.getKey(), copy);
        }
      }
    }
  }

  /**
   * The nullable answer form of what a $ref points at, or null when {@code property} is no $ref.
   */
  private static Schema answerCopy(
      Schema property, Map<String, Schema> schemas, Set<String> answerOnly, int depth) {
    String ref = property.getRef();
    Schema target = ref == null ? null : schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
    if (target == null || depth > 4) {
      return null;
    }
    Schema copy =
        OASFactory.createSchema()
            .type(target.getType())
            .format(target.getFormat())
            .description(target.getDescription())
            .nullable(true);
    if (target.getEnumeration() != null) {
      // OpenAPI 3.0.3: with an enum, nullable also needs null among the values.
      List<Object> values = new ArrayList<>(target.getEnumeration());
      values.add(null);
      copy.setEnumeration(values);
    }
    copy.setItems(target.getItems());
    if (target.getProperties() != null) {
      String name = ref.substring(ref.lastIndexOf('/') + 1);
      if (answerOnly.contains(name)) {
        copy.setProperties(target.getProperties());
      } else {
        Map<String, Schema> properties = new java.util.LinkedHashMap<>();
        target
            .getProperties()
            .forEach(
                (key, value) -> {
                  Schema nested = answerCopy(value, schemas, answerOnly, depth + 1);
                  properties.put(key, nested != null ? nested : copyOf(value).nullable(true));
                });
        copy.setProperties(properties);
      }
      copy.setRequired(new ArrayList<>(target.getProperties().keySet()));
    }
    return copy;
  }

  /**
   * A one-level copy of a plain (non-$ref) property, so marking it nullable leaves the request form
   * alone.
   */
  private static Schema copyOf(Schema value) {
    Schema copy =
        OASFactory.createSchema()
            .type(value.getType())
            .format(value.getFormat())
            .description(value.getDescription())
            .items(value.getItems());
    if (value.getEnumeration() != null) {
      List<Object> values = new ArrayList<>(value.getEnumeration());
      values.add(null);
      copy.setEnumeration(values);
    }
    return copy;
  }

  private static void collect(Content content, Map<String, Schema> schemas, Set<String> into) {
    if (content == null || content.getMediaTypes() == null) {
      return;
    }
    for (MediaType media : content.getMediaTypes().values()) {
      walk(media.getSchema(), schemas, into);
    }
  }

  /** Every component schema reachable from this one: properties, items, allOf/oneOf/anyOf. */
  private static void walk(Schema schema, Map<String, Schema> schemas, Set<String> into) {
    if (schema == null) {
      return;
    }
    if (schema.getRef() != null) {
      String name =
          schema.getRef().startsWith(PREFIX)
              ? schema.getRef().substring(PREFIX.length())
              : schema.getRef();
      if (into.add(name)) {
        walk(schemas.get(name), schemas, into);
      }
      return;
    }
    if (schema.getProperties() != null) {
      schema.getProperties().values().forEach(p -> walk(p, schemas, into));
    }
    walk(schema.getItems(), schemas, into);
    if (schema.getAdditionalPropertiesSchema() != null) {
      walk(schema.getAdditionalPropertiesSchema(), schemas, into);
    }
    for (List<Schema> group :
        new ArrayList<>(
            java.util.Arrays.asList(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf()))) {
      if (group != null) {
        group.forEach(s -> walk(s, schemas, into));
      }
    }
  }
}
