package io.tradebridge.excel.client;

import io.tradebridge.excel.control.ApiKeyCheck;
import jakarta.ws.rs.ProcessingException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The bridge's connection to a Tradebridge server: the key's checksum is checked before anything is
 * sent, every call's failure is an {@link ApiProblem} (a dropped connection included).
 */
public final class TradebridgeClient implements AutoCloseable {

  private final String server;
  private final TradebridgeApi api;

  private TradebridgeClient(String server, TradebridgeApi api) {
    this.server = server;
    this.api = api;
  }

  /**
   * @throws IllegalArgumentException when the key is malformed (nothing was sent) or the URL is not
   *     one
   */
  public static TradebridgeClient connect(String server, String apiKey) {
    String problem = ApiKeyCheck.problemWith(apiKey);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    URI uri;
    try {
      uri = URI.create(server.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--server must be a URL such as http://localhost:9080, not '" + server + "'");
    }
    if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "--server must be an http:// or https:// URL, not '" + server + "'");
    }
    TradebridgeApi api =
        RestClientBuilder.newBuilder()
            .baseUri(uri)
            .connectTimeout(10, TimeUnit.SECONDS)
            .readTimeout(180, TimeUnit.SECONDS)
            .register(new ApiKeyHeader(apiKey.strip()))
            .register(ProblemMapper.class)
            .build(TradebridgeApi.class);
    return new TradebridgeClient(server, api);
  }

  public Wire.Ping ping() {
    return call(api::ping);
  }

  public Wire.BatchAnswer placeBatch(List<Wire.OrderBody> orders) {
    return call(() -> api.placeBatch(new Wire.Batch(orders)));
  }

  public List<Wire.Order> orders() {
    return call(api::orders);
  }

  public List<Wire.Position> positions() {
    return call(api::positions);
  }

  public List<Wire.Holding> holdings() {
    return call(api::holdings);
  }

  public List<Wire.TradingAccount> tradingAccounts() {
    return call(api::tradingAccounts);
  }

  private <T> T call(Supplier<T> request) {
    try {
      return request.get();
    } catch (ProcessingException e) {
      if (e.getCause() instanceof ApiProblem problem) {
        throw problem;
      }
      throw new ApiProblem.Unreachable(server, e);
    }
  }

  @Override
  public void close() {
    if (api instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception ignored) {
        // closing idle connections; nothing to report
      }
    }
  }
}
