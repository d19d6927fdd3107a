package io.tradebridge.bench;

import io.tradebridge.e2e.RunningServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Where the machine's CPU went during a load: each server (all its processes), PostgreSQL (every
 * postgres process), this client JVM, and the machine's busy share (from /proc/stat). On a shared
 * 2-core machine it tells "two servers cost more CPU per order" from "something waited".
 */
final class CpuSplit {

  private final RunningServer a;
  private final RunningServer b;
  private final java.lang.management.OperatingSystemMXBean os =
      java.lang.management.ManagementFactory.getOperatingSystemMXBean();

  private Duration totalA = Duration.ZERO;
  private Duration totalB = Duration.ZERO;
  private Duration totalPg = Duration.ZERO;
  private Duration totalClient = Duration.ZERO;
  private long busy;
  private long all;
  private long orders;

  CpuSplit(RunningServer a, RunningServer b) {
    this.a = a;
    this.b = b;
  }

  /** Runs the load and adds what it cost to the totals. */
  Load.Result during(java.util.concurrent.Callable<Load.Result> load) throws Exception {
    Duration a0 = a.cpuTime();
    Duration b0 = b.cpuTime();
    Duration pg0 = postgres();
    long client0 = ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
    long[] machine0 = machine();
    Load.Result result = load.call();
    totalA = totalA.plus(a.cpuTime().minus(a0));
    totalB = totalB.plus(b.cpuTime().minus(b0));
    totalPg = totalPg.plus(postgres().minus(pg0));
    totalClient =
        totalClient.plusNanos(
            ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() - client0);
    long[] machine1 = machine();
    busy += machine1[0] - machine0[0];
    all += machine1[1] - machine0[1];
    orders += result.sortedNanos().length;
    return result;
  }

  String summary() {
    double n = Math.max(1, orders);
    return String.format(
        Locale.ROOT,
        "CPU µs per order: server A %.0f, server B %.0f, PostgreSQL %.0f, client %.0f; machine busy"
            + " %.0f%%",
        totalA.toNanos() / 1e3 / n,
        totalB.toNanos() / 1e3 / n,
        totalPg.toNanos() / 1e3 / n,
        totalClient.toNanos() / 1e3 / n,
        all == 0 ? 0 : 100.0 * busy / all);
  }

  private static Duration postgres() {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
        .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
        .reduce(Duration.ZERO, Duration::plus);
  }

  /** Busy and all jiffies of the whole machine so far. */
  private static long[] machine() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      long total = 0;
      for (int i = 1; i < Math.min(f.length, 9); i++) {
        total += Long.parseLong(f[i]);
      }
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }
}
