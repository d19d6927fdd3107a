package io.tradebridge.common.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server's settings, read through MicroProfile Config so that the environment variables of
 * API.md ("Running it") win over the defaults in server.xml.
 */
@ApplicationScoped
public class Settings {

  @Inject
  @ConfigProperty(name = "TRADEBRIDGE_DATA_DIR", defaultValue = "tradebridge-data")
  String dataDir;

  @Inject
  @ConfigProperty(name = "TRADEBRIDGE_MASTER_KEY")
  Optional<String> masterKey;

  /**
   * Adds a Server-Timing header with the time spent authenticating; off by default, on for
   * benchmarks.
   */
  @Inject
  @ConfigProperty(name = "TRADEBRIDGE_SERVER_TIMING", defaultValue = "false")
  boolean serverTiming;

  /** Proxies whose X-Forwarded-For is believed (addresses or CIDR ranges, comma separated). */
  @Inject
  @ConfigProperty(name = "TRADEBRIDGE_TRUSTED_PROXIES", defaultValue = " ")
  String trustedProxies;

  private volatile List<String> trustedProxyList;

  public Path dataDir() {
    return Path.of(dataDir).toAbsolutePath().normalize();
  }

  public Optional<String> masterKey() {
    return masterKey;
  }

  public boolean serverTiming() {
    return serverTiming;
  }

  /** Parsed once: it is asked on every request. */
  public List<String> trustedProxies() {
    List<String> parsed = trustedProxyList;
    if (parsed == null) {
      parsed =
          List.of(trustedProxies.split(",")).stream()
              .map(String::strip)
              .filter(s -> !s.isEmpty())
              .toList();
      trustedProxyList = parsed;
    }
    return parsed;
  }
}
