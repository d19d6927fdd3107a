package io.tradebridge.excel.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherTest {

  @Test
  void theBridgeGetsTheTradersOwnJvmOptionsAndOursOnlyWhereTheyChoseNone() {
    List<String> command =
        Launcher.command(List.of("-Xmx256m"), new String[] {"validate", "orders.xlsx"});
    assertTrue(command.contains("-Xmx256m"), command.toString());
    assertTrue(command.contains("-XX:TieredStopAtLevel=1"), command.toString());
    assertTrue(command.contains("-XX:+UseSerialGC"), command.toString());
    assertEquals(
        List.of(Launcher.class.getName(), "validate", "orders.xlsx"),
        command.subList(command.size() - 3, command.size()),
        "the same commands, in the same order");

    List<String> chosen =
        Launcher.command(
            List.of("-XX:+UseG1GC", "-XX:-TieredCompilation"), new String[] {"submit"});
    assertFalse(chosen.contains("-XX:+UseSerialGC"), "the trader's collector stays");
    assertFalse(chosen.contains("-XX:TieredStopAtLevel=1"), "the trader's compiler choice stays");
  }

  @Test
  void onlyTheCommandsThatWriteWorkbooksBackRunInTheQuickJvm() {
    assertTrue(Launcher.forks(new String[] {"submit", "orders.xlsx"}));
    assertTrue(Launcher.forks(new String[] {"watch", "orders.xlsx", "--arm"}));
    assertFalse(
        Launcher.forks(new String[] {"validate", "orders.xlsx"}), "a long parse pays C2 back");
    assertFalse(Launcher.forks(new String[] {"--help"}));
  }

  @Test
  void optionsFromTheEnvironmentAreNotGivenTwice() {
    List<String> own =
        Launcher.userOptions(
            List.of("-javaagent:agent.jar", "-Xmx1g", "-Dfile.encoding=UTF-8"),
            Map.of(
                "JAVA_TOOL_OPTIONS",
                " -javaagent:agent.jar ",
                "JDK_JAVA_OPTIONS",
                "-Dfile.encoding=UTF-8"));
    assertEquals(List.of("-Xmx1g"), own, "the bridge's JVM reads the same environment itself");
  }
}
