package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fuzzes the API from its own contract: Portman (npm {@code @apideck/portman}) turns the served
 * {@code /openapi} into one request per operation plus fuzzed variations (required fields removed,
 * numbers past their minimum and maximum, strings past their lengths), authenticated with a real
 * API key; Newman runs them against the started server. Whatever comes back: no 5xx, and every
 * error is problem+json; a fuzzed request is a 4xx. The npm tools are installed into target/ from
 * {@code src/test/contract/package-lock.json} (Node and npm are on the machine; .ci/run installs
 * them where they are not). The figures of a run are in {@code target/contract-fuzz/summary.txt}.
 */
@ExtendWith(SharedServer.class)
class ContractFuzzIT {

  private static final Path SOURCES = Path.of("src", "test", "contract");
  private static final Path WORK = Path.of("target", "contract-fuzz");

  @Test
  void everyOperationAndEveryFuzzedVariationAnswersWithoutA5xxAndErrorsAsProblems(Api api)
      throws Exception {
    installTools();
    Trader trader = Trader.register(api);
    Api.Reply document = api.fresh().get("/openapi", "Accept", "application/json");
    assertEquals(200, document.status());
    Files.writeString(WORK.resolve("openapi.json"), document.body());

    run(
        List.of(
            "node",
            "node_modules/@apideck/portman/bin/portman",
            "-l",
            "openapi.json",
            "-b",
            api.base(),
            "-c",
            "portman-config.json",
            "-o",
            "collection.json",
            "--includeTests",
            "true"),
        300,
        "portman");
    // The key travels as a Newman variable on this machine's command line, to a throwaway test
    // server.
    int newman =
        run(
            List.of(
                "node",
                "node_modules/newman/bin/newman.js",
                "run",
                "collection.json",
                "--env-var",
                "apiKey=" + trader.firstKey,
                "--reporters",
                "json",
                "--reporter-json-export",
                "results.json",
                "--timeout-request",
                "60000"),
            900,
            "newman");

    JsonObject results;
    try (JsonReader reader =
        Json.createReader(
            new StringReader(
                Files.readString(WORK.resolve("results.json"), StandardCharsets.UTF_8)))) {
      results = reader.readObject();
    }
    JsonArray executions = results.getJsonObject("run").getJsonArray("executions");
    TreeMap<Integer, Integer> statuses = new TreeMap<>();
    List<String> broken = new ArrayList<>();
    for (JsonObject execution : executions.getValuesAs(JsonObject.class)) {
      JsonObject response = execution.getJsonObject("response");
      String name = execution.getJsonObject("item").getString("name");
      if (response == null) {
        broken.add(name + ": no answer");
        continue;
      }
      int code = response.getInt("code");
      statuses.merge(code, 1, Integer::sum);
      String type = contentType(response);
      if (code >= 500 || (code >= 400 && !type.startsWith("application/problem+json"))) {
        broken.add(name + ": " + code + " " + type);
      }
    }
    JsonArray failures = results.getJsonObject("run").getJsonArray("failures");
    List<String> failed =
        failures.getValuesAs(JsonObject.class).stream()
            .map(
                f ->
                    f.getJsonObject("source").getString("name", "?")
                        + ": "
                        + f.getJsonObject("error").getString("message", ""))
            .toList();
    // The run's figures, for the record (docs, closing notes): next to the collection and Newman's
    // results.
    Files.writeString(
        WORK.resolve("summary.txt"),
        String.format(
            Locale.ROOT,
            "contract fuzz: %d requests, answers by status %s, %d failed assertions%n",
            executions.size(),
            statuses,
            failed.size()));
    assertTrue(executions.size() >= 60, "Portman made only " + executions.size() + " requests");
    assertEquals(List.of(), broken, "answers that are 5xx or errors that are not problem+json");
    assertEquals(List.of(), failed, "Newman's assertions");
    assertEquals(0, newman, "newman's exit status");
  }

  private static String contentType(JsonObject response) {
    JsonArray headers = response.getJsonArray("header");
    if (headers == null) {
      return "";
    }
    return headers.getValuesAs(JsonObject.class).stream()
        .filter(h -> h.getString("key", "").equalsIgnoreCase("Content-Type"))
        .map(h -> h.getString("value", ""))
        .findFirst()
        .orElse("");
  }

  /** npm ci into target/, once per clean build: the lock file pins every package. */
  private static void installTools() throws Exception {
    Files.createDirectories(WORK);
    for (String file : List.of("package.json", "package-lock.json", "portman-config.json")) {
      Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    if (!Files.isDirectory(WORK.resolve("node_modules/@apideck/portman"))
        || !Files.isDirectory(WORK.resolve("node_modules/newman"))) {
      assertEquals(
          0, run(List.of("npm", "ci", "--no-audit", "--no-fund"), 600, "npm ci"), "npm ci failed");
    }
  }

  private static int run(List<String> command, long timeoutSeconds, String what)
      throws IOException, InterruptedException {
    Path log = WORK.resolve(what.replace(' ', '-') + ".log");
    Process process =
        new ProcessBuilder(command)
            .directory(WORK.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError(
          what + " did not finish within " + timeoutSeconds + " s; see " + log);
    }
    if (what.equals("portman") && process.exitValue() != 0) {
      throw new AssertionError("portman failed (" + process.exitValue() + "); see " + log);
    }
    return process.exitValue();
  }
}
