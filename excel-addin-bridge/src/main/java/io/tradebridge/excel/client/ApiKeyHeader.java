package io.tradebridge.excel.client;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/**
 * Sends the key in {@code X-API-Key}, the one place the API takes it from a program (never a URL).
 */
final class ApiKeyHeader implements ClientRequestFilter {

  private final String key;

  ApiKeyHeader(String key) {
    this.key = key;
  }

  @Override
  public void filter(ClientRequestContext request) {
    request.getHeaders().putSingle("X-API-Key", key);
  }

  @Override
  public String toString() {
    return "ApiKeyHeader[****]";
  }
}
