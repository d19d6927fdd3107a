package io.tradebridge.e2e;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A program on the push stream (API.md, "Live updates"), through the JDK's own WebSocket client:
 * every message it receives is kept in arrival order with the moment it arrived.
 */
public final class StreamClient implements AutoCloseable {

  /** A message and when it arrived (System.nanoTime). */
  public record Received(JsonObject message, long nanos) {}

  /** How the server closed the stream. */
  public record Closed(int code, String reason) {}

  private final BlockingQueue<Received> messages = new LinkedBlockingQueue<>();
  private final CompletableFuture<Closed> closed = new CompletableFuture<>();
  private final WebSocket socket;
  private final List<Received> skipped = new ArrayList<>();

  private StreamClient(Api api, String cookie) {
    WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
    if (cookie != null) {
      builder.header("Cookie", cookie);
    }
    URI uri = URI.create(api.base().replaceFirst("^http", "ws") + "/api/v1/stream");
    socket =
        builder
            .connectTimeout(Duration.ofSeconds(5))
            .buildAsync(uri, new Listener())
            .orTimeout(10, TimeUnit.SECONDS)
            .join();
  }

  public static StreamClient open(Api api) {
    return new StreamClient(api, null);
  }

  /** Opened as the browser behind {@code api}: its session cookie goes with the upgrade. */
  public static StreamClient openAsBrowser(Api api) {
    return new StreamClient(api, "TB_SESSION=" + api.cookie("TB_SESSION"));
  }

  /** Opens a stream and signs in with the key; fails unless the server says "authenticated". */
  public static StreamClient signedIn(Api api, String key) {
    StreamClient stream = open(api);
    stream.send(Api.json("action", "auth", "apiKey", key));
    stream.next("authenticated");
    return stream;
  }

  public StreamClient send(String json) {
    socket.sendText(json, true).orTimeout(5, TimeUnit.SECONDS).join();
    return this;
  }

  /** The next message of this type (others are set aside), within 5 s. */
  public JsonObject next(String type) {
    return next(m -> type.equals(m.getString("type", "")), Duration.ofSeconds(5)).message();
  }

  /** The next message that matches, within {@code within}; fails the test when none comes. */
  public Received next(Predicate<JsonObject> wanted, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        Received r = left > 0 ? messages.poll(left, TimeUnit.NANOSECONDS) : null;
        if (r == null) {
          throw new AssertionError(
              "no such message within " + within + "; set aside: " + tail(skipped) + closedYet());
        }
        if (wanted.test(r.message())) {
          return r;
        }
        skipped.add(r);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Every message received so far and not yet taken. */
  public List<Received> drain() {
    List<Received> all = new ArrayList<>();
    messages.drainTo(all);
    return all;
  }

  /** How the server closed the stream, within {@code within}. */
  public Closed closed(Duration within) {
    return closed.orTimeout(within.toMillis(), TimeUnit.MILLISECONDS).join();
  }

  public boolean isClosed() {
    return closed.isDone();
  }

  private String closedYet() {
    return closed.isDone() ? "; closed: " + closed.join() : "";
  }

  private static String tail(List<Received> list) {
    List<Received> last = list.subList(Math.max(0, list.size() - 5), list.size());
    return last.stream().map(r -> r.message().toString()).toList().toString();
  }

  @Override
  public void close() {
    if (!closed.isDone()) {
      socket.abort();
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        messages.add(
            new Received(
                Json.createReader(new StringReader(text)).readObject(), System.nanoTime()));
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(new Closed(statusCode, reason));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.complete(new Closed(-1, error.toString()));
    }
  }
}
