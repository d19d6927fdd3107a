package io.tradebridge.excel.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The jar's entry point: runs the bridge in a second JVM started with options suited to a short
 * run.
 *
 * <p>Why: a run of the bridge lasts seconds and spends them in POI and XMLBeans code that HotSpot's
 * optimising compiler (C2) takes longer to compile than the run takes to execute it. Submitting
 * 10,000 rows took 23 s and 29 s of CPU with the default JVM, 14 s and 10 s of CPU with only the
 * quick compiler ({@code -XX:TieredStopAtLevel=1}) and the serial collector — and on a machine
 * shared with the server the CPU C2 burns is CPU the server does not get. {@code java -jar} cannot
 * carry JVM options, so the launcher starts the bridge with them, passing on the trader's own
 * options ({@code -Xmx…}, and anything they chose instead of ours), and waits for it.
 *
 * <p>The two behave as one process: the exit code is the bridge's, output goes straight to the
 * launcher's terminal or files, and the bridge watches a pipe from the launcher and stops at once
 * when the launcher ends — even by {@code kill -9} — so a stopped launcher never leaves a bridge
 * running on. {@code TRADEBRIDGE_EXCEL_FORK=off} runs the bridge in the launcher's own JVM.
 */
public final class Launcher {

  /** Set on the bridge's JVM: run the commands, watch the launcher. */
  static final String CHILD = "tradebridge.excel.child";

  /**
   * Set on the bridge's JVM when the launcher runs on a terminal (the bridge's stdin is the pipe).
   */
  static final String TERMINAL = "tradebridge.excel.terminal";

  private static final List<String> QUICK_JVM =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  private Launcher() {}

  public static void main(String[] args) {
    if (Boolean.getBoolean(CHILD)) {
      stopWhenTheLauncherEnds();
      TradebridgeExcel.main(args);
      return;
    }
    if (!forks(args) || "off".equalsIgnoreCase(System.getenv("TRADEBRIDGE_EXCEL_FORK"))) {
      TradebridgeExcel.main(args);
      return;
    }
    Process bridge;
    try {
      List<String> own =
          userOptions(ManagementFactory.getRuntimeMXBean().getInputArguments(), System.getenv());
      bridge =
          new ProcessBuilder(command(own, args))
              .redirectOutput(ProcessBuilder.Redirect.INHERIT)
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
    } catch (IOException | RuntimeException e) {
      // No second JVM here (a locked-down machine): the same work, only slower.
      TradebridgeExcel.main(args);
      return;
    }
    // Ctrl+C reaches both; let the bridge finish its own way out before the pipe closes under it.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> awaitQuietly(bridge)));
    try {
      System.exit(bridge.waitFor());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      bridge.destroy();
      System.exit(TradebridgeExcel.COULD_NOT_RUN);
    }
  }

  /**
   * The commands that talk to the server and write workbooks back, measured faster in the quick
   * JVM. Not {@code validate}: one long parse of a large sheet, which the optimising compiler pays
   * back (100,000 rows: 5.7 s in the quick JVM against ~4 s in the default one).
   */
  static boolean forks(String[] args) {
    for (String arg : args) {
      if (!arg.startsWith("-")) {
        return Set.of("submit", "status", "pull", "watch").contains(arg);
      }
    }
    return false;
  }

  /**
   * The bridge's command line: this Java, the trader's JVM options, ours where they chose none, the
   * same jar.
   */
  static List<String> command(List<String> own, String[] args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(own);
    if (own.stream()
        .noneMatch(
            o -> o.startsWith("-XX:TieredStopAtLevel") || o.equals("-XX:-TieredCompilation"))) {
      command.add(QUICK_JVM.get(0));
    }
    if (own.stream().noneMatch(o -> o.matches("-XX:\\+Use\\w*GC"))) {
      command.add(QUICK_JVM.get(1));
    }
    command.add("-D" + CHILD + "=true");
    command.add("-D" + TERMINAL + "=" + (System.console() != null));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Launcher.class.getName());
    command.addAll(Arrays.asList(args));
    return command;
  }

  /**
   * The options given on the launcher's command line. Those from {@code JAVA_TOOL_OPTIONS} and
   * {@code JDK_JAVA_OPTIONS} are left out: the bridge's JVM reads the same environment, and an
   * agent given twice would load twice.
   */
  static List<String> userOptions(List<String> inputArguments, Map<String, String> environment) {
    List<String> fromEnvironment = new ArrayList<>();
    for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")) {
      String value = environment.get(variable);
      if (value != null && !value.isBlank()) {
        fromEnvironment.addAll(Arrays.asList(value.trim().split("\\s+")));
      }
    }
    List<String> own = new ArrayList<>();
    for (String argument : inputArguments) {
      if (!fromEnvironment.remove(argument)) {
        own.add(argument);
      }
    }
    return own;
  }

  /**
   * The pipe from the launcher ends when the launcher does, however it ends: then so does the
   * bridge.
   */
  private static void stopWhenTheLauncherEnds() {
    Thread watcher =
        new Thread(
            () -> {
              try (InputStream launcher = System.in) {
                byte[] ignored = new byte[64];
                while (launcher.read(ignored) != -1) {
                  // the launcher never writes; a read returns only at its end
                }
              } catch (IOException e) {
                // a broken pipe is the same news
              }
              Runtime.getRuntime().halt(TradebridgeExcel.COULD_NOT_RUN);
            },
            "launcher-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static void awaitQuietly(Process bridge) {
    try {
      if (!bridge.waitFor(10, TimeUnit.SECONDS)) {
        bridge.destroy();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
