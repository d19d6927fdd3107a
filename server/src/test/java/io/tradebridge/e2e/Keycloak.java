package io.tradebridge.e2e;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Keycloak (the server distribution from Maven Central, unpacked by the build) on loopback,
 * in development mode, with the test realm {@code desk} imported from src/test/resources/keycloak.
 */
final class Keycloak implements AutoCloseable {

  static final String REALM = "desk";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

  private final Path home;
  private final int port = RunningServer.freePort();
  private Process process;

  Keycloak() {
    String configured =
        System.getProperty("tradebridge.keycloak", "target/keycloak/keycloak-26.4.0");
    home = Path.of(configured).toAbsolutePath();
    if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
      throw new IllegalStateException(
          home + " has no Keycloak: run the build's pre-integration-test phase (mvn verify)");
    }
  }

  /** Starts it without waiting, so that it boots while the test starts Tradebridge. */
  Keycloak launch() {
    try {
      Path data = home.resolve("data");
      deleteTree(data);
      Files.createDirectories(data.resolve("import"));
      try (var realm = Keycloak.class.getResourceAsStream("/keycloak/" + REALM + "-realm.json")) {
        Files.copy(realm, data.resolve("import").resolve(REALM + "-realm.json"));
      }
      ProcessBuilder builder =
          new ProcessBuilder(
                  home.resolve("bin/kc.sh").toString(),
                  "start-dev",
                  "--http-host=127.0.0.1",
                  "--http-port=" + port,
                  "--import-realm")
              .directory(home.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.to(home.resolve("keycloak.log").toFile()));
      Map<String, String> env = builder.environment();
      env.put("JAVA_HOME", System.getProperty("java.home"));
      env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "kc-admin");
      env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "kc-admin-" + System.nanoTime());
      process = builder.start();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void awaitReady() {
    RunningServer.awaitOk(
        process, URI.create(issuer()), START_TIMEOUT, "Keycloak", home.resolve("keycloak.log"));
  }

  String issuer() {
    return "http://127.0.0.1:" + port + "/realms/" + REALM;
  }

  String jwksUrl() {
    return issuer() + "/protocol/openid-connect/certs";
  }

  /** A person signs in with their username and password; the answer is their access token. */
  String signIn(String username, String password) {
    String form =
        Stream.of(
                Map.entry("client_id", "tradebridge-cli"),
                Map.entry("grant_type", "password"),
                Map.entry("scope", "openid"),
                Map.entry("username", username),
                Map.entry("password", password))
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    try {
      HttpResponse<String> reply =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .build()
              .send(
                  HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .POST(HttpRequest.BodyPublishers.ofString(form))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (reply.statusCode() != 200) {
        throw new IllegalStateException(
            "Keycloak refused the sign-in: " + reply.statusCode() + " " + reply.body());
      }
      JsonObject tokens = Json.createReader(new StringReader(reply.body())).readObject();
      return tokens.getString("access_token");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (process == null) {
      return;
    }
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    tree.forEach(p -> p.onExit().join());
  }

  private static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
