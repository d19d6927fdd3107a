package io.tradebridge.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradebridge.e2e.Api;
import io.tradebridge.e2e.RunningServer;
import io.tradebridge.e2e.Trader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The push stream (issue "Inside Excel"): 1,000 instruments subscribed on one stream, then on 50
 * streams at once — quotes delivered per second and the delay from a tick (the quote's time) to its
 * arrival here, p50/p99; and the server's heap, after a full collection, with 500 idle streams
 * signed in against none. The paper market ticks once a second, so one stream of 1,000 instruments
 * should get close to 1,000 quotes a second. The 1,000 instruments are an operator's own list
 * (TRADEBRIDGE_PAPER_INSTRUMENTS) beside the bundled ones. The clients run on the same two cores as
 * the server: their reading is part of what is measured.
 *
 * <p>Run: {@code mvn -q install -DskipTests && mvn -o verify -pl server -Pbenchmark
 * -Dit.test=StreamBenchmark -Dsurefire.skip=true}
 */
class StreamBenchmark {

  private static final int INSTRUMENTS = 1_000;
  private static final int STREAMS = 50;
  private static final int IDLE = Integer.getInteger("bench.idle", 500);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
  private static final Pattern TIME = Pattern.compile("\"time\":\"([^\"]+)\"");

  @Test
  void fiftyStreamsOfAThousandQuotesAndTheHeapOfFiveHundredIdleOnes() throws Exception {
    Path home = RunningServer.newHome("bench-stream");
    Path instruments = home.resolve("bench-instruments.csv");
    StringBuilder csv = new StringBuilder();
    for (int i = 1; i <= INSTRUMENTS; i++) {
      csv.append(String.format(Locale.ROOT, "NSE,BENCH%04d,Bench %d,1,%d,0%n", i, i, 100 + i));
    }
    Files.writeString(instruments, csv);
    try (RunningServer server =
        new RunningServer(
                home,
                Map.of(
                    "TRADEBRIDGE_RATE_LIMITS",
                    "off",
                    "TRADEBRIDGE_PAPER_INSTRUMENTS",
                    instruments.toString()))
            .start()) {
      Api api = new Api(server.baseUrl());
      Trader trader = Trader.register(api);
      String subscribe = subscription();

      long idleBefore = heapAfterGc(server);
      List<Reader> idle = new ArrayList<>();
      for (int i = 0; i < IDLE; i++) {
        idle.add(Reader.open(server.baseUrl(), trader.firstKey, null));
      }
      for (Reader r : idle) {
        r.authenticated.get(30, TimeUnit.SECONDS);
      }
      long idleAfter = heapAfterGc(server);
      idle.forEach(Reader::close);

      Reader one = Reader.open(server.baseUrl(), trader.firstKey, subscribe);
      one.subscribed.get(30, TimeUnit.SECONDS);
      Figures single = measure(List.of(one));
      one.close();

      List<Reader> many = new ArrayList<>();
      for (int i = 0; i < STREAMS; i++) {
        many.add(Reader.open(server.baseUrl(), trader.firstKey, subscribe));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      for (Reader r : many) {
        try {
          r.subscribed.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
          throw new AssertionError(
              many.stream().filter(x -> x.subscribed.isDone()).count()
                  + " of "
                  + STREAMS
                  + " streams subscribed within 120 s; quotes so far "
                  + many.stream().mapToLong(x -> x.quotes.get()).sum()
                  + ", closed "
                  + many.stream().filter(x -> x.closed.isDone()).map(x -> x.closed.join()).toList()
                  + "; the others (authenticated/quotes/last message): "
                  + many.stream()
                      .filter(x -> !x.subscribed.isDone())
                      .map(x -> x.authenticated.isDone() + "/" + x.quotes.get() + "/" + x.lastText)
                      .toList());
        }
      }
      Figures fifty = measure(many);
      many.forEach(Reader::close);

      System.out.println();
      System.out.printf(
          Locale.ROOT,
          "Push stream, %d instruments per stream, %d s measured per case, one server on embedded"
              + " Derby; %d cores, Java %s%n",
          INSTRUMENTS,
          SECONDS,
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"));
      System.out.println(
          "| case | quotes/s delivered | per stream | tick → arrival p50 ms | p99 ms |");
      System.out.println("| --- | --- | --- | --- | --- |");
      single.print("1 stream", 1);
      fifty.print(STREAMS + " streams at once", STREAMS);
      System.out.printf(
          Locale.ROOT,
          "Heap after a full GC: %.1f MB before, %.1f MB with %d idle streams signed in: %.1f KB"
              + " each%n",
          idleBefore / 1e6,
          idleAfter / 1e6,
          IDLE,
          (idleAfter - idleBefore) / 1e3 / IDLE);
      assertTrue(single.delivered > 0 && fifty.delivered > 0, "quotes arrived");
    }
  }

  private static String subscription() {
    StringBuilder s = new StringBuilder("{\"action\":\"subscribe\",\"quotes\":[");
    for (int i = 1; i <= INSTRUMENTS; i++) {
      if (i > 1) {
        s.append(',');
      }
      s.append(String.format(Locale.ROOT, "{\"exchange\":\"NSE\",\"symbol\":\"BENCH%04d\"}", i));
    }
    return s.append("]}").toString();
  }

  private record Figures(long delivered, double seconds, List<Long> delays) {
    void print(String what, int streams) {
      double perSecond = delivered / seconds;
      System.out.printf(
          Locale.ROOT,
          "| %s | %.0f | %.0f | %.0f | %.0f |%n",
          what,
          perSecond,
          perSecond / streams,
          percentile(delays, 50),
          percentile(delays, 99));
    }
  }

  private static Figures measure(List<Reader> readers) throws InterruptedException {
    Thread.sleep(2_000); // the first snapshot of every quote has gone
    readers.forEach(Reader::reset);
    long started = System.nanoTime();
    Thread.sleep(SECONDS * 1_000L);
    double seconds = (System.nanoTime() - started) / 1e9;
    long delivered = 0;
    List<Long> delays = new ArrayList<>();
    for (Reader r : readers) {
      delivered += r.quotes.get();
      synchronized (r.delays) {
        delays.addAll(r.delays);
      }
    }
    return new Figures(delivered, seconds, delays);
  }

  private static double percentile(List<Long> values, int p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  /** The Liberty JVM's heap in use after a full collection (jcmd, as an operator would look). */
  private static long heapAfterGc(RunningServer server) throws Exception {
    long pid = server.libertyPid();
    run("jcmd", String.valueOf(pid), "GC.run");
    String info = run("jcmd", String.valueOf(pid), "GC.heap_info");
    Matcher used = Pattern.compile("used (\\d+)K").matcher(info);
    assertTrue(used.find(), info);
    return Long.parseLong(used.group(1)) * 1024;
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), out);
    return out;
  }

  /**
   * A lean stream reader: counts quotes and samples each one's delay from its tick, without parsing
   * whole messages (50 streams of 1,000 quotes a second share the server's two cores).
   */
  private static final class Reader implements WebSocket.Listener {
    final CompletableFuture<Void> authenticated = new CompletableFuture<>();
    final CompletableFuture<Void> subscribed = new CompletableFuture<>();
    final AtomicLong quotes = new AtomicLong();
    final CompletableFuture<String> closed = new CompletableFuture<>();
    final List<Long> delays = new ArrayList<>();
    private final String subscribe;
    private final StringBuilder partial = new StringBuilder();
    volatile String lastText = "";
    private WebSocket socket;

    private Reader(String subscribe) {
      this.subscribe = subscribe;
    }

    static Reader open(String base, String key, String subscribe) {
      Reader reader = new Reader(subscribe);
      reader.socket =
          HTTP.newWebSocketBuilder()
              .buildAsync(URI.create(base.replaceFirst("^http", "ws") + "/api/v1/stream"), reader)
              .join();
      reader.socket.sendText(Api.json("action", "auth", "apiKey", key), true).join();
      return reader;
    }

    void reset() {
      quotes.set(0);
      synchronized (delays) {
        delays.clear();
      }
    }

    void close() {
      socket.abort();
    }

    private void sendQuietly(String text) {
      for (int attempt = 0; attempt < 50; attempt++) {
        try {
          socket.sendText(text, true).join();
          return;
        } catch (RuntimeException stillSending) {
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode + " " + reason);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.complete(error.toString());
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        lastText = text.length() > 80 ? text.substring(0, 80) : text;
        long now = System.currentTimeMillis();
        if (text.startsWith("{\"type\":\"quote\"")) {
          quotes.incrementAndGet();
          Matcher m = TIME.matcher(text);
          if (m.find()) {
            long delay = now - Instant.parse(m.group(1)).toEpochMilli();
            synchronized (delays) {
              delays.add(delay);
            }
          }
        } else if (text.contains("\"authenticated\"")) {
          // Subscribed from another thread: the JDK's WebSocket refuses a send while the auth
          // message's own send has not been reported complete, and this reply can outrun that.
          authenticated.complete(null);
          if (subscribe != null) {
            authenticated.thenRunAsync(() -> sendQuietly(subscribe));
          }
        } else if (text.contains("\"subscribed\"")) {
          subscribed.complete(null);
        }
      }
      webSocket.request(1);
      return null;
    }
  }
}
