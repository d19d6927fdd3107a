package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How the server starts and ends when things around it go wrong: each test starts a server of its
 * own.
 */
class ServerLifecycleIT {

  @Test
  void killingTheLauncherWithSignal9TakesTheWholeServerDown() throws InterruptedException {
    RunningServer server = new RunningServer(RunningServer.newHome("orphan"), Map.of()).start();
    int port = server.httpPort();
    List<ProcessHandle> left = server.killLauncherOnly();
    assertFalse(left.isEmpty(), "Liberty runs below the launcher");
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (left.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
      Thread.sleep(250);
    }
    try {
      assertTrue(
          left.stream().noneMatch(ProcessHandle::isAlive),
          "the server outlived its launcher, holding the ports and the database");
      assertFalse(listening(port), "the port is free for the next start");
    } finally {
      left.forEach(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void singleSignOnWithoutAnAudienceRefusesToStartAndSaysWhy() {
    RunningServer server =
        new RunningServer(
            RunningServer.newHome("no-audience"),
            Map.of(
                "TRADEBRIDGE_SSO_ISSUER",
                TokenMint.ISSUER,
                "TRADEBRIDGE_SSO_PUBLIC_KEY",
                TokenMint.publicKeyPem()));
    IllegalStateException refused = assertThrows(IllegalStateException.class, server::start);
    assertTrue(refused.getMessage().contains("exited with 78"), refused.getMessage());
    assertTrue(
        server.console().contains("refuses to start")
            && server.console().contains("TRADEBRIDGE_SSO_AUDIENCE"),
        "the console tells the operator what to set");
  }

  @Test
  void paperMarketSettingsThatCannotBeKeptRefuseToStartAndSayWhich() throws IOException {
    Path home = RunningServer.newHome("bad-paper-market");
    Files.createDirectories(home);
    Path instruments =
        Files.writeString(home.resolve("instruments.csv"), "NSE,ACME,Acme,1,abc,0\n");
    RunningServer server =
        new RunningServer(
            home,
            Map.of(
                "TRADEBRIDGE_PAPER_HOURS",
                "24x7",
                "TRADEBRIDGE_PAPER_INSTRUMENTS",
                instruments.toString()));
    IllegalStateException refused = assertThrows(IllegalStateException.class, server::start);
    assertTrue(refused.getMessage().contains("exited with 78"), refused.getMessage());
    String console = server.console();
    assertTrue(
        console.contains("refuses to start")
            && console.contains(
                "TRADEBRIDGE_PAPER_HOURS is '24x7': use exchange (the default) or always")
            && console.contains(instruments + " line 1: referencePrice 'abc' is not a number"),
        "the console names each setting, and the file and line");
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
