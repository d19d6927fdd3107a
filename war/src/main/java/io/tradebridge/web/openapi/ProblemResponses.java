package io.tradebridge.web.openapi;

import io.tradebridge.common.control.ProblemCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Adds the error answers of API.md ("Errors") to every operation of the generated document, with
 * the problem+json schema and an example each, so that a client generator knows every status it can
 * meet. The errors are the same everywhere by design (one exception family mapped once), so they
 * are added here once rather than annotated on each method.
 */
public class ProblemResponses implements OASFilter {

  private static final String PROBLEM_REF = "#/components/schemas/Problem";

  private record Answer(String status, ProblemCode code, String description, String detail) {}

  private static final List<Answer> EVERYWHERE =
      List.of(
          new Answer(
              "400",
              ProblemCode.VALIDATION_FAILED,
              "A field is missing, of the wrong type, out of range or unknown;"
                  + " or the body is not JSON (MALFORMED_REQUEST); or an API key was put in the URL (API_KEY_IN_URL)",
              "quantity must be greater than 0"),
          new Answer(
              "401",
              ProblemCode.UNAUTHENTICATED,
              "No credentials, a bad password, or an unknown, revoked, expired"
                  + " or mistyped key — one answer for all; TOTP_REQUIRED / TOTP_INVALID for a missing or wrong code",
              "authentication failed"),
          new Answer(
              "403",
              ProblemCode.FORBIDDEN,
              "Signed in but not allowed: a key without the permission or outside"
                  + " its allowlist (FORBIDDEN), a key on a session-only endpoint (SESSION_REQUIRED), a write without"
                  + " X-CSRF-Token (CSRF)",
              "this API key lacks the TRADE permission"),
          new Answer(
              "404",
              ProblemCode.NOT_FOUND,
              "No such object for this user (another user's object is 404 too)",
              "order not found"),
          new Answer(
              "429",
              ProblemCode.RATE_LIMITED,
              "Over a rate limit or locked after failed sign-ins; wait the"
                  + " Retry-After seconds",
              "rate limit reached: orders per key, 10 per second; try again in 1 s"),
          new Answer(
              "500",
              ProblemCode.INTERNAL,
              "Never carries a stack trace; quote the instance id to the operator",
              "something went wrong on the server; quote the instance id to the operator"));

  private static final Answer CONFLICT =
      new Answer(
          "409",
          ProblemCode.CONFLICT,
          "Username taken, client order id reused with a different body, or the object's state forbids it",
          "client order id 'my-0001' was already used for a different order");
  private static final Answer TOO_LARGE =
      new Answer(
          "413",
          ProblemCode.MALFORMED_REQUEST,
          "The body is larger than 1 MiB (10 MiB for a workbook)",
          "the request body is larger than 1 MiB");
  private static final Answer WRONG_MEDIA =
      new Answer(
          "415",
          ProblemCode.MALFORMED_REQUEST,
          "The body is not of the media type this operation reads",
          "send the body as application/json");
  private static final Answer REJECTED =
      new Answer(
          "422",
          ProblemCode.ORDER_REJECTED,
          "Well-formed but refused: a risk limit, an unknown instrument, an account not live, the broker",
          "quantity 200000 is above the account's maxOrderQuantity 100000");

  private static final Answer BROKER_DOWN =
      new Answer(
          "502",
          ProblemCode.BROKER_UNAVAILABLE,
          "A remote broker could not be reached or answered with a fault: nothing placed, or the"
              + " order PENDING (named in detail) when it may have reached the broker",
          "the broker's answer was lost (no answer within the time-out); order"
              + " 0190f1c2-0000-7000-8000-000000000001 is PENDING and is being settled by looking it"
              + " up at the broker — do not send it again");

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getComponents() == null) {
      openAPI.components(OASFactory.createComponents());
    }
    openAPI.getComponents().addSchema("Problem", problemSchema());
    if (openAPI.getPaths() == null) {
      return;
    }
    for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> op :
          path.getValue().getOperations().entrySet()) {
        addErrors(path.getKey(), op.getKey(), op.getValue());
      }
    }
    AnswerSchemas.apply(openAPI);
  }

  private static void addErrors(String path, PathItem.HttpMethod method, Operation operation) {
    if (operation.getResponses() == null) {
      operation.responses(OASFactory.createAPIResponses());
    }
    APIResponses responses = operation.getResponses();
    for (Answer answer : EVERYWHERE) {
      add(responses, answer);
    }
    if (method != PathItem.HttpMethod.GET) {
      add(responses, CONFLICT);
      add(responses, TOO_LARGE);
      add(responses, WRONG_MEDIA);
    }
    if (path.contains("/orders") || path.contains("square-off") || path.contains("/actions")) {
      add(responses, REJECTED);
      add(responses, BROKER_DOWN);
    }
    if (path.contains("/brokers/") || path.contains("broker-login")) {
      add(responses, BROKER_DOWN);
    }
  }

  private static void add(APIResponses responses, Answer answer) {
    if (responses.hasAPIResponse(answer.status())) {
      return;
    }
    Map<String, Object> example = new LinkedHashMap<>();
    example.put("type", answer.code().type());
    example.put("title", answer.code().title());
    example.put("status", Integer.parseInt(answer.status()));
    example.put("code", answer.code().name());
    example.put("detail", answer.detail());
    example.put("instance", "urn:uuid:3f0c1b7e-8d1a-4c55-9a43-0b7f1f6b2c10");
    if (answer.code() == ProblemCode.RATE_LIMITED) {
      example.put("retryAfter", 1);
    }
    Example value = OASFactory.createExample().value(example);
    MediaType media =
        OASFactory.createMediaType()
            .schema(OASFactory.createSchema().ref(PROBLEM_REF))
            .addExample(answer.code().name(), value);
    APIResponse response =
        OASFactory.createAPIResponse()
            .description(answer.description())
            .content(OASFactory.createContent().addMediaType("application/problem+json", media));
    if (answer.code() == ProblemCode.RATE_LIMITED) {
      response.addHeader(
          "Retry-After",
          OASFactory.createHeader()
              .description("seconds to wait")
              .schema(OASFactory.createSchema().type(Schema.SchemaType.INTEGER)));
    }
    responses.addAPIResponse(answer.status(), response);
  }

  private static Schema problemSchema() {
    Schema string = OASFactory.createSchema().type(Schema.SchemaType.STRING);
    Schema error =
        OASFactory.createSchema()
            .type(Schema.SchemaType.OBJECT)
            .addProperty("field", string)
            .addProperty("message", string);
    return OASFactory.createSchema()
        .type(Schema.SchemaType.OBJECT)
        .description("RFC 9457 problem details with the API's code (API.md, Errors)")
        .addProperty("type", string)
        .addProperty("title", string)
        .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER))
        .addProperty(
            "code",
            OASFactory.createSchema()
                .type(Schema.SchemaType.STRING)
                .enumeration(
                    List.of((Object[]) ProblemCode.values()).stream()
                        .map(c -> (Object) ((ProblemCode) c).name())
                        .toList()))
        .addProperty("detail", string)
        .addProperty("instance", string)
        .addProperty("errors", OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(error))
        .addProperty(
            "retryAfter",
            OASFactory.createSchema()
                .type(Schema.SchemaType.INTEGER)
                .description("on 429: seconds to wait, as in the Retry-After header"))
        .required(List.of("type", "title", "status", "code"));
  }
}
