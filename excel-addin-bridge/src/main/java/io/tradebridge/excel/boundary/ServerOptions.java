package io.tradebridge.excel.boundary;

import io.tradebridge.excel.client.TradebridgeClient;
import io.tradebridge.excel.client.Wire;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the server is and which key to use (WORKBOOK.md): {@code --server} or {@code
 * TRADEBRIDGE_URL}; the key from {@code TRADEBRIDGE_API_KEY} or {@code --api-key-file}, never from
 * the command line, where it would show in the process list and the shell's history.
 */
public class ServerOptions {

  static final String DEFAULT_SERVER = "http://localhost:9080";

  /** The environment; replaced in tests. */
  static Map<String, String> environment = System.getenv();

  @Option(
      names = "--server",
      paramLabel = "URL",
      description =
          "the Tradebridge server (default: $TRADEBRIDGE_URL, else " + DEFAULT_SERVER + ")")
  String server;

  @Option(
      names = "--api-key-file",
      paramLabel = "FILE",
      description = "a file holding the API key (default: the key in $TRADEBRIDGE_API_KEY)")
  Path apiKeyFile;

  String server() {
    if (server != null) {
      return server;
    }
    String fromEnvironment = environment.get("TRADEBRIDGE_URL");
    return fromEnvironment == null || fromEnvironment.isBlank() ? DEFAULT_SERVER : fromEnvironment;
  }

  /**
   * Connects after checking the key's checksum, and checks with a ping that the server knows the
   * key.
   */
  TradebridgeClient connect(boolean needsTrade) {
    TradebridgeClient client = TradebridgeClient.connect(server(), apiKey());
    Wire.Ping ping = client.ping();
    if (needsTrade && (ping.permissions() == null || !ping.permissions().contains("TRADE"))) {
      client.close();
      throw new IllegalStateException(
          "the API key may not trade (its permissions: "
              + ping.permissions()
              + "); give it TRADE under Settings > Security, or use another key");
    }
    return client;
  }

  private String apiKey() {
    if (apiKeyFile != null) {
      try {
        return Files.readString(apiKeyFile).strip();
      } catch (IOException e) {
        throw new IllegalStateException(
            "cannot read the API key file " + apiKeyFile + " (" + e.getMessage() + ")");
      }
    }
    String key = environment.get("TRADEBRIDGE_API_KEY");
    if (key == null || key.isBlank()) {
      throw new IllegalStateException(
          "no API key: set TRADEBRIDGE_API_KEY or use --api-key-file FILE");
    }
    return key;
  }
}
