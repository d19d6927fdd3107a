package io.tradebridge.brokers.upstox.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Every call to Upstox goes through here, guarded by MicroProfile Fault Tolerance as Kite's are: at
 * most 7 s per call, 32 at once, a circuit breaker that stops calling an Upstox that keeps failing
 * for 15 s; no retry (an order that may have arrived is looked up, never sent again). The server's
 * own background reads — the order book, the instrument file — have guards of their own ({@link
 * #sync}, {@link #file}), so a slow one neither takes an order's slot nor opens the breaker that
 * refuses orders. Tunable by MicroProfile Config ({@code
 * io.tradebridge.brokers.upstox.boundary.UpstoxGateway/call/Timeout/value}).
 */
@ApplicationScoped
public class UpstoxGateway {

  @Inject
  @ConfigProperty(name = "TRADEBRIDGE_UPSTOX_API_URL", defaultValue = "https://api.upstox.com")
  String apiUrl;

  private UpstoxApi api;
  private UpstoxApi syncApi;
  private HttpClient files;

  @Timeout(value = 7, unit = ChronoUnit.SECONDS)
  @Bulkhead(32)
  @CircuitBreaker(
      requestVolumeThreshold = 20,
      failureRatio = 0.5,
      delay = 15,
      delayUnit = ChronoUnit.SECONDS)
  public UpstoxReply call(Function<UpstoxApi, Response> request) {
    return UpstoxReply.of(request.apply(api));
  }

  /** A background read: at most 30 s, 4 at once, its own circuit breaker. */
  @Timeout(value = 30, unit = ChronoUnit.SECONDS)
  @Bulkhead(4)
  @CircuitBreaker(
      requestVolumeThreshold = 20,
      failureRatio = 0.5,
      delay = 15,
      delayUnit = ChronoUnit.SECONDS)
  public UpstoxReply sync(Function<UpstoxApi, Response> request) {
    return UpstoxReply.of(request.apply(syncApi));
  }

  /** The instrument file (gzip), whole: at most 60 s, 2 at once. */
  @Timeout(value = 60, unit = ChronoUnit.SECONDS)
  @Bulkhead(2)
  public byte[] file(URI url) {
    try {
      HttpResponse<byte[]> answer =
          files.send(
              HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60)).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("HTTP " + answer.statusCode());
      }
      return answer.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The socket's own time-out is the Fault Tolerance one: FT ends a call by interrupting its
   * thread, which a blocking read does not notice (as for Kite).
   */
  static long timeoutMillis(String method, long defaultSeconds) {
    return ConfigProvider.getConfig()
            .getOptionalValue(
                UpstoxGateway.class.getName() + "/" + method + "/Timeout/value", Long.class)
            .orElse(defaultSeconds)
        * 1000;
  }

  @PostConstruct
  void buildClients() {
    api = client(timeoutMillis("call", 7));
    syncApi = client(timeoutMillis("sync", 30));
    files = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  private UpstoxApi client(long readTimeoutMillis) {
    return RestClientBuilder.newBuilder()
        .baseUri(URI.create(apiUrl))
        .connectTimeout(3, TimeUnit.SECONDS)
        .readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS)
        // Upstox's error answers are read, not thrown: they carry the trader's reason.
        .property("microprofile.rest.client.disable.default.mapper", true)
        .build(UpstoxApi.class);
  }
}
