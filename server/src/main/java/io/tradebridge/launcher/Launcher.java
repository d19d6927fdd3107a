package io.tradebridge.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The entry point of {@code tradebridge.jar}. Liberty's runnable jar starts the server in a child
 * process whose working directory is the extracted server folder, so a relative {@code
 * TRADEBRIDGE_DATA_DIR} (the default {@code ./tradebridge-data}) would land inside the extraction
 * and be orphaned by the next upgrade. This launcher pins the data folder to the directory the user
 * started from, then hands over to Liberty's own extractor and stops it (and so the server,
 * gracefully) when it is stopped itself.
 *
 * <p>Liberty extracts its runtime (~100 MB) on every start and, left to itself, keeps each copy in
 * {@code ~/wlpExtract}. Unless {@code WLP_JAR_EXTRACT_DIR} is set, the launcher extracts into a
 * temporary folder of its own and deletes it once the server has stopped.
 */
public final class Launcher {

  private static final String LIBERTY_MAIN = "wlp.lib.extract.SelfExtractRun";

  private Launcher() {}

  public static void main(String[] args)
      throws IOException, InterruptedException, URISyntaxException {
    Path jar = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String configured = System.getenv().getOrDefault("TRADEBRIDGE_DATA_DIR", "");
    Path dataDir =
        Path.of(configured.isBlank() ? "tradebridge-data" : configured)
            .toAbsolutePath()
            .normalize();
    Files.createDirectories(dataDir);

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(jar.toString());
    command.add(LIBERTY_MAIN);
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    builder.environment().put("TRADEBRIDGE_DATA_DIR", dataDir.toString());
    // The server follows this process and stops when it ends, even by kill -9
    // (web.health.LauncherWatch).
    builder
        .environment()
        .put("TRADEBRIDGE_LAUNCHER_PID", String.valueOf(ProcessHandle.current().pid()));
    if (System.getenv().getOrDefault("LOG_DIR", "").isBlank()) {
      // Logs outlive the temporary runtime folder: they belong with the data.
      builder.environment().put("LOG_DIR", dataDir.resolve("logs").toString());
    }
    Path runtime = null;
    if (System.getenv().getOrDefault("WLP_JAR_EXTRACT_DIR", "").isBlank()) {
      runtime = Files.createTempDirectory("tradebridge-runtime-");
      // The extractor refuses a folder that exists, so it gets a fresh one inside ours.
      builder.environment().put("WLP_JAR_EXTRACT_DIR", runtime.resolve("server").toString());
    }

    System.out.println("Tradebridge: data folder " + dataDir);
    Process liberty = builder.start();
    Path extracted = runtime;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stop(liberty);
                  deleteQuietly(extracted);
                },
                "tradebridge-stop"));
    System.exit(liberty.waitFor());
  }

  private static void deleteQuietly(Path folder) {
    if (folder == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      System.err.println("Tradebridge: could not remove the runtime folder " + folder);
    }
  }

  private static void stop(Process liberty) {
    if (!liberty.isAlive()) {
      return;
    }
    liberty.destroy();
    try {
      if (!liberty.waitFor(60, TimeUnit.SECONDS)) {
        liberty.descendants().forEach(ProcessHandle::destroyForcibly);
        liberty.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
