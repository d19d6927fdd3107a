package io.tradebridge.brokers.kite.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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
 * Every call to Kite goes through here, guarded by MicroProfile Fault Tolerance rather than loops
 * of our own: at most 7 s per call (a trader's request thread is never held longer by a slow Kite),
 * at most 32 calls at once, and a circuit breaker that stops calling a Kite that keeps failing for
 * 15 s, so that orders are refused at once instead of each waiting out a time-out. No retry: an
 * order call that may have reached Kite is settled by looking it up, never by sending it again.
 * Each guard can be tuned by MicroProfile Config (e.g. {@code
 * io.tradebridge.brokers.kite.boundary.KiteGateway/call/Timeout/value}).
 *
 * <p>The server's own background reads (the day's order book, the instrument list) go through
 * {@link #sync} with guards of their own: a large order book may take longer than an order may
 * wait, and a slow one must neither take the slots a trader's order needs nor open the breaker that
 * refuses orders. A benchmark found both: at 32 traders the once-a-minute order-book reads of 32
 * accounts timed out together and refused every order for 15 s.
 */
@ApplicationScoped
public class KiteGateway {

  @Inject
  @ConfigProperty(name = "TRADEBRIDGE_KITE_API_URL", defaultValue = "https://api.kite.trade")
  String apiUrl;

  private KiteApi api;
  private KiteApi syncApi;

  @Timeout(value = 7, unit = ChronoUnit.SECONDS)
  @Bulkhead(32)
  @CircuitBreaker(
      requestVolumeThreshold = 20,
      failureRatio = 0.5,
      delay = 15,
      delayUnit = ChronoUnit.SECONDS)
  public KiteReply call(Function<KiteApi, Response> request) {
    return KiteReply.of(request.apply(api));
  }

  /** A background read: at most 30 s, 4 at once, its own circuit breaker. */
  @Timeout(value = 30, unit = ChronoUnit.SECONDS)
  @Bulkhead(4)
  @CircuitBreaker(
      requestVolumeThreshold = 20,
      failureRatio = 0.5,
      delay = 15,
      delayUnit = ChronoUnit.SECONDS)
  public KiteReply sync(Function<KiteApi, Response> request) {
    return KiteReply.of(request.apply(syncApi));
  }

  /**
   * The time-out of {@link #call} or {@link #sync} as configured: Fault Tolerance ends the call by
   * interrupting its thread, which a blocking socket read does not notice, so the socket's own
   * time-out is set to the same moment — else a request would be held until the slow answer came
   * after all.
   */
  static long timeoutMillis(String method, long defaultSeconds) {
    long seconds =
        ConfigProvider.getConfig()
            .getOptionalValue(
                KiteGateway.class.getName() + "/" + method + "/Timeout/value", Long.class)
            .orElse(defaultSeconds);
    return seconds * 1000;
  }

  /**
   * Both clients are built once the bean is first used: a Rest Client proxy is thread-safe and
   * holds its own connection pool, and the time-outs are read from configuration at start.
   */
  @PostConstruct
  void buildClients() {
    api = client(timeoutMillis("call", 7));
    syncApi = client(timeoutMillis("sync", 30));
  }

  private KiteApi client(long readTimeoutMillis) {
    return RestClientBuilder.newBuilder()
        .baseUri(URI.create(apiUrl))
        .connectTimeout(3, TimeUnit.SECONDS)
        .readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS)
        // Kite's error answers are read, not thrown: they carry the trader's reason.
        .property("microprofile.rest.client.disable.default.mapper", true)
        .build(KiteApi.class);
  }
}
