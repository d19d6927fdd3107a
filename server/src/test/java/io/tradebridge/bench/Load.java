package io.tradebridge.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/** Closed-loop load: each client sends its next request when the previous answer arrives. */
final class Load {

  private Load() {}

  interface RequestFactory {
    HttpRequest make(long call);
  }

  static Result run(
      HttpClient http, int clients, RequestFactory factory, int expected, Duration duration)
      throws InterruptedException {
    long deadline = System.nanoTime() + duration.toNanos();
    List<long[]> latencies = new ArrayList<>();
    AtomicLong errors = new AtomicLong();
    java.util.Map<Integer, Integer> statuses = new java.util.concurrent.ConcurrentHashMap<>();
    List<Thread> threads = new ArrayList<>();
    long started = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      int client = c;
      long[] mine = new long[200_000];
      latencies.add(mine);
      Thread t =
          new Thread(
              () -> {
                int n = 0;
                for (long call = client;
                    System.nanoTime() < deadline && n < mine.length - 1;
                    call += clients) {
                  long t0 = System.nanoTime();
                  try {
                    HttpResponse<String> r =
                        http.send(factory.make(call), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != expected) {
                      errors.incrementAndGet();
                      statuses.merge(r.statusCode(), 1, Integer::sum);
                    }
                  } catch (Exception e) {
                    errors.incrementAndGet();
                    statuses.merge(-1, 1, Integer::sum);
                  }
                  mine[n++] = System.nanoTime() - t0;
                }
                mine[mine.length - 1] = n;
              });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    List<Long> all = new ArrayList<>();
    for (long[] l : latencies) {
      int n = (int) l[l.length - 1];
      for (int i = 0; i < n; i++) {
        all.add(l[i]);
      }
    }
    long[] sorted = all.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return new Result(sorted, seconds, errors.get(), 0, 0, new java.util.TreeMap<>(statuses));
  }

  /** {@code statuses}: the unexpected answers by HTTP status (-1: no answer). */
  record Result(
      long[] sortedNanos,
      double seconds,
      long errors,
      double floodPerSecond,
      long flood429,
      java.util.Map<Integer, Integer> statuses) {
    /** Several runs' latencies as one, for percentiles over all of them. */
    static Result merged(List<Result> results) {
      long[] all =
          results.stream().flatMapToLong(r -> Arrays.stream(r.sortedNanos())).sorted().toArray();
      return new Result(
          all,
          results.stream().mapToDouble(Result::seconds).sum(),
          results.stream().mapToLong(Result::errors).sum(),
          0,
          0,
          java.util.Map.of());
    }

    double perSecond() {
      return sortedNanos.length / seconds;
    }

    double percentile(int p) {
      return sortedNanos.length == 0
          ? 0
          : sortedNanos[
                  Math.min(
                      sortedNanos.length - 1, (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1)]
              / 1e6;
    }

    String row(String name) {
      return String.format(
          Locale.ROOT,
          "| %s | %.0f | %.1f | %.1f | %d |",
          name,
          perSecond(),
          percentile(50),
          percentile(99),
          errors);
    }

    /** The errors column shows their statuses, if any (-1: no answer). */
    String floodRow(String name) {
      return String.format(
          Locale.ROOT,
          "| %s | %.1f | %.1f | %s | %.0f | %d |",
          name,
          percentile(50),
          percentile(99),
          errors + (statuses.isEmpty() ? "" : " " + statuses),
          floodPerSecond,
          flood429);
    }
  }
}
