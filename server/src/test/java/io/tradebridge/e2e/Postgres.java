package io.tradebridge.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL from Debian's {@code postgresql} package, in a temporary folder of its own, on
 * a free loopback port: initdb, pg_ctl start, a database and a user with a password for the
 * servers. PostgreSQL refuses to run as root, so as root every command runs as the {@code postgres}
 * user through runuser, and the folder is under /tmp, which that user can reach.
 */
public final class Postgres implements AutoCloseable {

  public static final String USER = "tradebridge";
  public static final String PASSWORD = "a password for tests only";
  public static final String DATABASE = "tradebridge";

  private final Path folder;
  private final Path bin;
  private final int port;
  private final boolean root;

  private Postgres(Path folder, Path bin, int port, boolean root) {
    this.folder = folder;
    this.bin = bin;
    this.port = port;
    this.root = root;
  }

  public static Postgres start() {
    Path bin = binaries();
    boolean root = "root".equals(System.getProperty("user.name"));
    try {
      Path folder = Files.createTempDirectory("tradebridge-pg");
      Postgres pg = new Postgres(folder, bin, RunningServer.freePort(), root);
      if (root) {
        pg.run(List.of("chown", "postgres", folder.toString()), false);
      }
      Path pwfile = folder.resolve("superuser.pw");
      pg.asPostgres("sh", "-c", "echo '" + PASSWORD + "' > " + pwfile);
      pg.asPostgres(
          bin.resolve("initdb").toString(),
          "-D",
          pg.data().toString(),
          "-U",
          "postgres",
          "--pwfile=" + pwfile,
          "--auth-local=trust",
          "--auth-host=scram-sha-256",
          "--no-sync");
      pg.asPostgres(
          bin.resolve("pg_ctl").toString(),
          "-D",
          pg.data().toString(),
          "-l",
          folder.resolve("postgres.log").toString(),
          "-w",
          "-o",
          "-p " + pg.port + " -k " + folder + " -c listen_addresses=127.0.0.1",
          "start");
      pg.psql("CREATE USER " + USER + " PASSWORD '" + PASSWORD + "'");
      pg.psql("CREATE DATABASE " + DATABASE + " OWNER " + USER);
      return pg;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The settings that put a Tradebridge server on this database (README, "Running it"). */
  public java.util.Map<String, String> serverEnvironment() {
    return java.util.Map.of(
        "TRADEBRIDGE_DB_URL",
        jdbcUrl(),
        "TRADEBRIDGE_DB_USER",
        USER,
        "TRADEBRIDGE_DB_PASSWORD",
        PASSWORD,
        "TRADEBRIDGE_DB_POOL",
        "30");
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
  }

  /** Runs one statement as the superuser over the local socket; returns what psql printed. */
  public String psql(String sql) {
    return asPostgres(
        bin.resolve("psql").toString(),
        "-h",
        folder.toString(),
        "-p",
        String.valueOf(port),
        "-U",
        "postgres",
        "-d",
        sql.startsWith("CREATE DATABASE") || sql.startsWith("CREATE USER") ? "postgres" : DATABASE,
        "-v",
        "ON_ERROR_STOP=1",
        "-At",
        "-c",
        sql);
  }

  @Override
  public void close() {
    try {
      asPostgres(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "fast", "stop");
    } finally {
      try (Stream<Path> files = Files.walk(folder)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a temporary folder
      }
    }
  }

  private Path data() {
    return folder.resolve("data");
  }

  private String asPostgres(String... command) {
    List<String> full = new ArrayList<>();
    if (root) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(List.of(command));
    return run(full, true);
  }

  private String run(List<String> command, boolean inFolder) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      if (inFolder) {
        builder.directory(folder.toFile());
      }
      Process p = builder.start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
      }
      return out.trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The newest PostgreSQL installed by Debian's package (/usr/lib/postgresql/N/bin). */
  private static Path binaries() {
    Path root = Path.of("/usr/lib/postgresql");
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
          .max(Comparator.comparing(v -> Integer.parseInt(v.getFileName().toString())))
          .map(v -> v.resolve("bin"))
          .orElseThrow();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "PostgreSQL is not installed: apt-get install postgresql (README, tests)", e);
    }
  }
}
