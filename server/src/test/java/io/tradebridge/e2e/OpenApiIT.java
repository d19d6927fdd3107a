package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The served /openapi document against the contract: every endpoint API.md names is documented,
 * with its error answers; nothing is documented that API.md does not name (or that the README does
 * not list as beyond it). API.md is read from the copy in docs/contract, checked against ../shared
 * when that folder is there, so that CI on a lone clone checks the same contract.
 */
@ExtendWith(SharedServer.class)
class OpenApiIT {

  private static final Pattern ENDPOINT =
      Pattern.compile("(GET|POST|PUT|PATCH|DELETE) `?(/api/v1/[^ `?,]*)");

  /**
   * Served, but not HTTP request and answer that OpenAPI can describe: the push stream is a
   * WebSocket (StreamIT proves it).
   */
  private static final Set<String> WEBSOCKETS = Set.of("GET /api/v1/stream");

  /**
   * Served and documented, named in API.md only in prose ("…/reject", trading-account removal) or
   * in its "GET/POST", "PUT/DELETE" shorthand (groups, copy rules), or added with single sign-on
   * (user administration) or for rehearsals (the paper market's control, its hours), or for the
   * trading screen (candles), or asked by an issue (market status), README "Where this server goes
   * beyond API.md").
   */
  private static final Set<String> BEYOND_THE_LIST =
      Set.of(
          "POST /api/v1/actions/{}/reject",
          "DELETE /api/v1/trading-accounts/{}",
          "GET /api/v1/trading-accounts/{}",
          "GET /api/v1/admin/users",
          "POST /api/v1/admin/users/{}/disable",
          "POST /api/v1/admin/users/{}/enable",
          "POST /api/v1/admin/users/{}/grant-admin",
          "POST /api/v1/admin/users/{}/revoke-admin",
          "POST /api/v1/admin/claim",
          "GET /api/v1/groups",
          "PUT /api/v1/groups/{}",
          "GET /api/v1/copy-rules",
          "GET /api/v1/candles",
          "POST /api/v1/orders/workbook/check",
          "PUT /api/v1/copy-rules/{}",
          "PUT /api/v1/admin/paper-market/{}/{}",
          "DELETE /api/v1/admin/paper-market/{}/{}",
          "GET /api/v1/market/status",
          "GET /api/v1/option-chain",
          "POST /api/v1/margins/order",
          "PUT /api/v1/admin/paper-market/hours",
          "DELETE /api/v1/admin/paper-market/hours");

  static String normalise(String method, String path) {
    return method.toUpperCase() + " " + path.replaceAll("\\{[^}]*}", "{}");
  }

  static Set<String> contract() throws Exception {
    Path copy = Path.of("..", "docs", "contract", "API.md");
    String text = Files.readString(copy);
    Path shared = Path.of("..", "..", "shared", "API.md");
    if (Files.isRegularFile(shared)) {
      assertEquals(
          Files.readString(shared),
          text,
          "docs/contract/API.md must be a verbatim copy of ../shared/API.md");
    }
    Set<String> endpoints = new TreeSet<>();
    Matcher m = ENDPOINT.matcher(text);
    while (m.find()) {
      endpoints.add(normalise(m.group(1), m.group(2)));
    }
    return endpoints;
  }

  @Test
  void theDocumentCoversEveryEndpointOfTheContractAndNothingElse(Api api) throws Exception {
    Api.Reply reply = api.fresh().get("/openapi", "Accept", "application/json");
    assertEquals(200, reply.status(), reply.toString());
    JsonObject paths = reply.json().getJsonObject("paths");
    Set<String> served = new TreeSet<>();
    for (String path : paths.keySet()) {
      for (String method : paths.getJsonObject(path).keySet()) {
        if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
          served.add(normalise(method, path));
        }
      }
    }
    Set<String> missing = new TreeSet<>(contract());
    missing.removeAll(served);
    missing.removeAll(WEBSOCKETS);
    assertEquals(Set.of(), missing, "in API.md but not in /openapi");
    Set<String> extra = new TreeSet<>(served);
    extra.removeAll(contract());
    extra.removeAll(BEYOND_THE_LIST);
    assertEquals(Set.of(), extra, "in /openapi but not in API.md");
  }

  @Test
  void everyOperationDocumentsTheProblemAnswersWithExamples(Api api) {
    JsonObject doc = api.fresh().get("/openapi", "Accept", "application/json").json();
    JsonObject problem =
        doc.getJsonObject("components").getJsonObject("schemas").getJsonObject("Problem");
    assertTrue(problem.getJsonObject("properties").containsKey("code"), problem.toString());
    JsonObject placeOrder =
        doc.getJsonObject("paths").getJsonObject("/api/v1/orders").getJsonObject("post");
    JsonObject responses = placeOrder.getJsonObject("responses");
    for (String status : new String[] {"400", "401", "403", "409", "422", "429"}) {
      JsonObject answer = responses.getJsonObject(status);
      assertTrue(answer != null, "POST /api/v1/orders lacks " + status + ": " + responses.keySet());
      JsonObject media = answer.getJsonObject("content").getJsonObject("application/problem+json");
      assertTrue(media.containsKey("examples"), answer.toString());
    }
    assertTrue(responses.getJsonObject("429").getJsonObject("headers").containsKey("Retry-After"));
    assertTrue(
        doc.getJsonObject("components").getJsonObject("securitySchemes").containsKey("apiKey"));
  }

  /**
   * Over HTTP/1.1, as a browser asks on plain http: Liberty 26.0.0.5 accepts an h2c upgrade for the
   * UI (101) and then never answers, which only a client that tries h2c (java.net.http's default)
   * meets.
   */
  @Test
  void theInteractiveUiAnswers(Api api) throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    HttpResponse<String> ui =
        http.send(
            HttpRequest.newBuilder(URI.create(api.base() + "/openapi/ui"))
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, ui.statusCode(), ui.body());
    assertTrue(ui.body().toLowerCase().contains("<html"), ui.body());
  }
}
