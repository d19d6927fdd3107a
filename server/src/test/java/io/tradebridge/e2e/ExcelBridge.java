package io.tradebridge.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real command-line bridge, {@code tradebridge-excel.jar}, as a trader would, with the key
 * in the environment.
 */
public final class ExcelBridge {

  static final Path JAR =
      Path.of(
          System.getProperty(
              "tradebridge.excel.jar", "../excel-addin-bridge/target/tradebridge-excel.jar"));

  public record Run(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  private final String server;
  private final String key;

  public ExcelBridge(String server, String key) {
    this.server = server;
    this.key = key;
  }

  public Run run(String... args) {
    try {
      Process process = start(args);
      if (!process.waitFor(180, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(
            "tradebridge-excel " + String.join(" ", args) + " did not finish in 180 s");
      }
      return new Run(process.exitValue(), read(process, "out"), read(process, "err"));
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /**
   * Started, not waited for: {@code watch}, or a run the test kills. Output goes to files beside
   * the process.
   */
  Process start(String... args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString()));
    command.addAll(List.of(args));
    Path logs = Files.createTempDirectory(RunningServer.newHome("bridge"), "run");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(logs.resolve("out").toFile())
            .redirectError(logs.resolve("err").toFile());
    builder.environment().put("TRADEBRIDGE_URL", server);
    if (key != null) {
      builder.environment().put("TRADEBRIDGE_API_KEY", key);
    } else {
      builder.environment().remove("TRADEBRIDGE_API_KEY");
    }
    Process process = builder.start();
    LOGS.put(process, logs);
    return process;
  }

  static String read(Process process, String stream) {
    try {
      return Files.readString(LOGS.get(process).resolve(stream), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static final java.util.Map<Process, Path> LOGS =
      new java.util.concurrent.ConcurrentHashMap<>();
}
