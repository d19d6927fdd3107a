package io.tradebridge.e2e;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Checks every answer an end-to-end test receives from the API against the document the same server
 * publishes at {@code /openapi} (Atlassian's swagger-request-validator): status documented, media
 * type documented, body of the documented shape with every field present. A test that receives an
 * answer the document does not describe fails, whatever it asserts itself — document and server
 * cannot drift.
 *
 * <p>Not checked: paths outside {@code /api/} (health, metrics, the UI), and answers to paths or
 * methods the document does not have (the tests that send them expect 404/405 problems, and
 * BadInputIT checks those are problem+json).
 */
final class ContractCheck {

  private static final Map<String, OpenApiInteractionValidator> BY_SERVER =
      new ConcurrentHashMap<>();

  /** -Dtradebridge.contractCheck=false turns it off, e.g. against a server of another version. */
  private static final boolean ON =
      Boolean.parseBoolean(System.getProperty("tradebridge.contractCheck", "true"));

  private ContractCheck() {}

  static void check(
      String base,
      String method,
      String pathAndQuery,
      int status,
      String contentType,
      String body) {
    if (!ON || !pathAndQuery.startsWith("/api/")) {
      return;
    }
    OpenApiInteractionValidator validator = BY_SERVER.computeIfAbsent(base, ContractCheck::load);
    int query = pathAndQuery.indexOf('?');
    String path = query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
    if (contentType != null) {
      response.withContentType(contentType);
    }
    if (body != null && !body.isEmpty()) {
      response.withBody(body);
    }
    ValidationReport report =
        validator.validateResponse(
            path, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), response.build());
    if (report.hasErrors()) {
      String messages =
          report.getMessages().stream()
              .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
              .map(m -> m.getKey() + ": " + m.getMessage())
              .collect(Collectors.joining("\n  "));
      throw new AssertionError(
          "the answer to "
              + method
              + " "
              + path
              + " ("
              + status
              + ") is not what /openapi says:\n  "
              + messages
              + "\nbody: "
              + (body == null ? "" : body.substring(0, Math.min(body.length(), 2000))));
    }
  }

  private static OpenApiInteractionValidator load(String base) {
    try {
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      HttpResponse<String> document =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/openapi"))
                  .header("Accept", "application/json")
                  .timeout(Duration.ofSeconds(60))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (document.statusCode() != 200) {
        throw new IllegalStateException("GET /openapi answered " + document.statusCode());
      }
      return OpenApiInteractionValidator.createForInlineApiSpecification(document.body())
          .withLevelResolver(
              LevelResolver.create()
                  // Requests are the tests' business (many are wrong on purpose); only answers are
                  // checked.
                  .withLevel("validation.request", ValidationReport.Level.IGNORE)
                  // Paths and methods the document does not have: see the class comment.
                  .withLevel("validation.response.path.missing", ValidationReport.Level.IGNORE)
                  .withLevel(
                      "validation.response.operation.notAllowed", ValidationReport.Level.IGNORE)
                  .build())
          .build();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
