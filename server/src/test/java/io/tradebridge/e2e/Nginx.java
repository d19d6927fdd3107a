package io.tradebridge.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx in front of several servers as a round-robin load balancer, as the README's
 * two-server example runs it: HTTP/1.1 keep-alive to the servers and X-Forwarded-For, which the
 * servers believe from 127.0.0.1 (TRADEBRIDGE_TRUSTED_PROXIES).
 */
public final class Nginx implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path folder;

  private Nginx(Process process, int port, Path folder) {
    this.process = process;
    this.port = port;
    this.folder = folder;
  }

  public static Nginx roundRobin(List<Integer> serverPorts) {
    return start(serverPorts, "");
  }

  /**
   * One key's (or one session's) requests always to the same server while it is up, as the README
   * recommends: its accounts are then locked by one order desk, not by two taking turns.
   */
  public static Nginx byKey(List<Integer> serverPorts) {
    return start(serverPorts, "    hash $http_x_api_key$cookie_TB_SESSION consistent;\n");
  }

  private static Nginx start(List<Integer> serverPorts, String balancing) {
    try {
      Path folder = Files.createTempDirectory("tradebridge-nginx");
      Files.createDirectories(folder.resolve("temp"));
      // nginx's workers run as nobody when started as root: they must reach their temp folders.
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.setPosixFilePermissions(
          folder.resolve("temp"), PosixFilePermissions.fromString("rwxrwxrwx"));
      int port = RunningServer.freePort();
      StringBuilder upstream = new StringBuilder(balancing);
      for (int p : serverPorts) {
        upstream.append("    server 127.0.0.1:").append(p).append(";\n");
      }
      String conf =
          """
          daemon off;
          worker_processes 1;
          pid %1$s/nginx.pid;
          error_log %1$s/error.log warn;
          events { worker_connections 1024; }
          http {
            access_log off;
            client_body_temp_path %1$s/temp/body;
            proxy_temp_path %1$s/temp/proxy;
            fastcgi_temp_path %1$s/temp/fastcgi;
            uwsgi_temp_path %1$s/temp/uwsgi;
            scgi_temp_path %1$s/temp/scgi;
            upstream tradebridge {
          %2$s    keepalive 64;
            }
            server {
              listen 127.0.0.1:%3$d;
              client_max_body_size 12m;
              location = /api/v1/stream {
                proxy_pass http://tradebridge;
                proxy_http_version 1.1;
                proxy_set_header Upgrade $http_upgrade;
                proxy_set_header Connection "upgrade";
                proxy_set_header Host $host;
                proxy_set_header X-Forwarded-For $remote_addr;
                proxy_read_timeout 1h;
              }
              location / {
                proxy_pass http://tradebridge;
                proxy_http_version 1.1;
                proxy_set_header Connection "";
                proxy_set_header Host $host;
                proxy_set_header X-Forwarded-For $remote_addr;
                proxy_set_header X-Forwarded-Proto $scheme;
              }
            }
          }
          """
              .formatted(folder, upstream, port);
      Path file = folder.resolve("nginx.conf");
      Files.writeString(file, conf);
      Process process =
          new ProcessBuilder(
                  "nginx",
                  "-p",
                  folder.toString(),
                  "-e",
                  folder + "/error.log",
                  "-c",
                  file.toString())
              .redirectErrorStream(true)
              .redirectOutput(folder.resolve("console.log").toFile())
              .start();
      awaitListening(process, port, folder);
      return new Nginx(process, port, folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void awaitListening(Process process, int port, Path folder) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("nginx exited; see " + folder);
      }
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
    throw new IllegalStateException("nginx did not listen within 20 s; see " + folder);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary folder
    }
  }
}
