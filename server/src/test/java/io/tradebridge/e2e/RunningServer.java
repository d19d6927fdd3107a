package io.tradebridge.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real runnable server, started the way a user starts it: {@code java -jar tradebridge.jar} in
 * a folder of its own, configured only through the environment variables of API.md.
 */
public final class RunningServer implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

  private final Path home;
  private final Path dataDir;
  private final Map<String, String> extraEnv;
  private int httpPort;
  private Process process;

  public RunningServer(Path home, Map<String, String> extraEnv) {
    this.home = home;
    this.dataDir = home.resolve("tradebridge-data");
    this.extraEnv = extraEnv;
  }

  /** A fresh folder under target/e2e for one server's files. */
  public static Path newHome(String name) {
    Path work = Path.of(System.getProperty("tradebridge.work", "target/e2e"));
    try {
      Path home = work.resolve(name + "-" + System.nanoTime());
      Files.createDirectories(home);
      return home;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public RunningServer start() {
    Path jar =
        Path.of(System.getProperty("tradebridge.jar", "target/tradebridge.jar")).toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build it with mvn package");
    }
    httpPort = freePort();
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
    Map<String, String> env = builder.environment();
    env.put("TRADEBRIDGE_HTTP_PORT", String.valueOf(httpPort));
    env.put("TRADEBRIDGE_HTTPS_PORT", String.valueOf(freePort()));
    env.remove("WLP_JAR_EXTRACT_DIR");
    env.remove("TRADEBRIDGE_DATA_DIR");
    env.remove("TRADEBRIDGE_MASTER_KEY");
    // Tests run at any hour: the paper exchange is open at all of them, and MarketHoursIT moves
    // the paper market's hours and time through its control.
    env.put("TRADEBRIDGE_PAPER_HOURS", "always");
    env.putAll(extraEnv);
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      awaitReady();
    } catch (RuntimeException notReady) {
      // A server that never became ready must not live on past its test, holding a port, its
      // data folder and the CPU the later tests need (Liberty runs below the launcher).
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw notReady;
    }
    return this;
  }

  private void awaitReady() {
    awaitOk(
        process,
        URI.create(baseUrl() + "/health/ready"),
        START_TIMEOUT,
        "the server",
        home.resolve("console.log"));
  }

  /**
   * Waits until {@code url} answers 200 (HTTP/1.1), failing early if the process dies: how the
   * tests wait for a process they started (our server, Keycloak) to be ready.
   */
  static void awaitOk(Process process, URI url, Duration timeout, String what, Path log) {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            what + " exited with " + process.exitValue() + "; see " + log);
      }
      try {
        HttpResponse<Void> r =
            client.send(
                HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(500);
    }
    throw new IllegalStateException(what + " was not ready within " + timeout + "; see " + log);
  }

  /** A graceful stop, as Ctrl-C or a service manager does it. */
  public void stop() {
    if (process == null) {
      return;
    }
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    process.destroy();
    try {
      if (!process.waitFor(90, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      for (ProcessHandle child : tree) {
        child.onExit().get(90, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      tree.forEach(ProcessHandle::destroyForcibly);
    }
    process = null;
  }

  /** kill -9 of the launcher and every process under it, as a power cut would end them. */
  public void kill() {
    if (process == null) {
      return;
    }
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    List<Path> runtimes = runtimeFolders(tree);
    tree.forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    for (ProcessHandle p : tree) {
      p.onExit().join();
    }
    process.onExit().join();
    process = null;
    // A killed launcher cannot remove its temporary runtime folder; the test does it instead.
    runtimes.forEach(RunningServer::deleteTree);
  }

  /**
   * kill -9 of the launcher alone (a supervisor's hard stop, the out-of-memory killer), leaving the
   * processes it started to fend for themselves. Returns them, for the test to watch.
   */
  public List<ProcessHandle> killLauncherOnly() {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    List<Path> runtimes = runtimeFolders(tree);
    process.destroyForcibly();
    process.onExit().join();
    process = null;
    // The killed launcher cannot remove its runtime folder: do it once the rest has gone.
    java.util.concurrent.CompletableFuture.allOf(
            tree.stream()
                .map(ProcessHandle::onExit)
                .toArray(java.util.concurrent.CompletableFuture[]::new))
        .thenRun(() -> runtimes.forEach(RunningServer::deleteTree));
    return tree;
  }

  /** What the launcher and the server printed (the console of the user who started it). */
  public String console() {
    try {
      return Files.readString(home.resolve("console.log"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int httpPort() {
    return httpPort;
  }

  private static List<Path> runtimeFolders(List<ProcessHandle> tree) {
    return tree.stream()
        .map(p -> p.info().commandLine().orElse(""))
        .map(RUNTIME_FOLDER::matcher)
        .filter(java.util.regex.Matcher::find)
        .map(m -> Path.of(m.group()))
        .distinct()
        .toList();
  }

  private static final java.util.regex.Pattern RUNTIME_FOLDER =
      java.util.regex.Pattern.compile("/\\S*tradebridge-runtime-\\d+");

  private static void deleteTree(Path folder) {
    try (var paths = Files.walk(folder)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // best effort: it is only a temporary folder
    }
  }

  /**
   * CPU time the server has used so far: the launcher and every process under it (Liberty runs in a
   * child JVM). Benchmarks divide its growth by the requests served, a figure this shared machine's
   * other load disturbs far less than a rate.
   */
  public java.time.Duration cpuTime() {
    if (process == null) {
      return java.time.Duration.ZERO;
    }
    java.time.Duration total = process.info().totalCpuDuration().orElse(java.time.Duration.ZERO);
    for (ProcessHandle child : process.descendants().toList()) {
      total = total.plus(child.info().totalCpuDuration().orElse(java.time.Duration.ZERO));
    }
    return total;
  }

  /**
   * The process id of the JVM that runs Liberty: the launcher starts it as a child, and the busiest
   * java process under the launcher is it.
   */
  public long libertyPid() {
    return process
        .descendants()
        .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
        .max(
            java.util.Comparator.comparing(
                p -> p.info().totalCpuDuration().orElse(java.time.Duration.ZERO)))
        .map(ProcessHandle::pid)
        .orElse(process.pid());
  }

  /** The Liberty logs folder (messages.log, ffdc/): the launcher keeps it in the data folder. */
  public Path serverLogs() {
    return dataDir.resolve("logs");
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + httpPort;
  }

  public Path dataDir() {
    return dataDir;
  }

  public Path home() {
    return home;
  }

  @Override
  public void close() {
    stop();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
