package io.tradebridge.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * What the servers' database sessions are doing while a load runs: every 50 ms, each active session
 * of the servers' user counted by its wait (CPU when none) and, for a lock wait, by the statement
 * that waits. The benchmark prints the shares: where two servers lose their orders, if it is in the
 * database.
 */
final class PgWaits implements AutoCloseable {

  private final Connection connection;
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  private final AtomicLong samples = new AtomicLong();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private volatile boolean counting;
  private volatile String failure;
  private final Thread thread;

  private PgWaits(Connection connection) {
    this.connection = connection;
    this.thread = new Thread(this::sample, "pg-waits");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  static PgWaits start(String jdbcUrl, String user, String password) throws SQLException {
    return new PgWaits(DriverManager.getConnection(jdbcUrl, user, password));
  }

  private void sample() {
    String sql =
        "SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') AS waiting,"
            + " CASE WHEN wait_event_type = 'Lock' THEN left(regexp_replace(query, '\\s+', ' ',"
            + " 'g'), 90) ELSE '' END AS what FROM pg_stat_activity WHERE state = 'active'"
            + " AND backend_type = 'client backend' AND pid <> pg_backend_pid()";
    try (Statement statement = connection.createStatement()) {
      while (running.get()) {
        if (!counting) {
          Thread.sleep(20);
          continue;
        }
        try (ResultSet rows = statement.executeQuery(sql)) {
          while (rows.next()) {
            String what = rows.getString(2);
            String key = rows.getString(1) + (what.isEmpty() ? "" : " — " + what);
            counts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
          }
        }
        samples.incrementAndGet();
        Thread.sleep(50);
      }
    } catch (SQLException | InterruptedException e) {
      if (running.get()) {
        failure = e.toString();
      }
    }
  }

  /** Runs {@code load} with this sampler counting. */
  <T> T during(java.util.concurrent.Callable<T> load) throws Exception {
    counting = true;
    try {
      return load.call();
    } finally {
      counting = false;
    }
  }

  /** Active sessions per sample, by what they wait on, the largest first. */
  String summary(int top) {
    long n = Math.max(1, samples.get());
    if (failure != null) {
      return "  sampling stopped: " + failure;
    }
    return counts.entrySet().stream()
        .sorted(
            Comparator.comparingLong((Map.Entry<String, AtomicLong> e) -> e.getValue().get())
                .reversed())
        .limit(top)
        .map(
            e ->
                String.format(
                    Locale.ROOT, "  %.2f  %s", e.getValue().get() / (double) n, e.getKey()))
        .collect(Collectors.joining("\n"));
  }

  @Override
  public void close() throws Exception {
    running.set(false);
    thread.join(2_000);
    connection.close();
  }
}
