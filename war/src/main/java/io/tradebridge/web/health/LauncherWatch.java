package io.tradebridge.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Ends this server when the {@code java -jar tradebridge.jar} that started it ends, however it
 * ends. Liberty runs two processes below the launcher; a {@code kill -9} of the launcher (a
 * supervisor's stop, an out-of-memory killer) would otherwise leave this JVM orphaned, holding the
 * ports and the embedded database, so that the next start fails. The launcher passes its process
 * id; the exit here is graceful (Liberty's shutdown hook stops the applications).
 */
@ApplicationScoped
public class LauncherWatch {

  static final String LAUNCHER_PID = "TRADEBRIDGE_LAUNCHER_PID";
  private static final Logger LOG = Logger.getLogger(LauncherWatch.class.getName());

  void watch() {
    String pid = System.getenv(LAUNCHER_PID);
    if (pid == null || !pid.matches("\\d{1,10}")) {
      return; // not started by our launcher (a WAR deployed on another Liberty): nothing to follow
    }
    Optional<ProcessHandle> launcher = ProcessHandle.of(Long.parseLong(pid));
    if (launcher.isEmpty()) {
      stop("its launcher (process " + pid + ") has already ended");
      return;
    }
    launcher.get().onExit().thenRun(() -> stop("its launcher (process " + pid + ") ended"));
  }

  private static void stop(String why) {
    LOG.warning("Tradebridge is stopping: " + why);
    Thread exit = new Thread(() -> System.exit(0), "tradebridge-launcher-gone");
    exit.setDaemon(true);
    exit.start();
  }
}
