package io.tradebridge.e2e;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;

/**
 * An HTTP client as a browser or a program uses the API: its own cookie jar (one per person), and
 * the CSRF token from login sent on every write. Every answer is checked against the server's own
 * /openapi document ({@link ContractCheck}).
 */
public final class Api {

  private final String base;
  private final HttpClient http;
  private final CookieManager cookies = new CookieManager();
  private String csrfToken;

  public Api(String base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** Another client of the same server, with an empty cookie jar. */
  public Api fresh() {
    return new Api(base);
  }

  public String base() {
    return base;
  }

  public void useCsrf(String token) {
    this.csrfToken = token;
  }

  public String csrfToken() {
    return csrfToken;
  }

  /** A cookie this client holds (the session's, for a WebSocket opened as this browser). */
  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(java.net.HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  public Reply get(String path, String... headers) {
    return send("GET", path, null, headers);
  }

  public Reply post(String path, String json, String... headers) {
    return send("POST", path, json, headers);
  }

  public Reply put(String path, String json, String... headers) {
    return send("PUT", path, json, headers);
  }

  public Reply patch(String path, String json, String... headers) {
    return send("PATCH", path, json, headers);
  }

  public Reply delete(String path, String... headers) {
    return send("DELETE", path, null, headers);
  }

  public Reply deleteWithBody(String path, String json, String... headers) {
    return send("DELETE", path, json, headers);
  }

  public Reply send(String method, String path, String json, String... headers) {
    return sendBytes(
        method,
        path,
        json == null ? null : json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        headers);
  }

  /** Sends these exact bytes as a JSON body: for bodies a well-behaved client would never send. */
  public Reply postBytes(String path, byte[] body, String... headers) {
    return sendBytes("POST", path, body, headers);
  }

  private Reply sendBytes(String method, String path, byte[] json, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    boolean contentTypeGiven = false;
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
      contentTypeGiven |= headers[i].equalsIgnoreCase("Content-Type");
    }
    if (json != null && !contentTypeGiven) {
      request.header("Content-Type", "application/json");
    }
    if (csrfToken != null && !method.equals("GET")) {
      request.header("X-CSRF-Token", csrfToken);
    }
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(json));
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      ContractCheck.check(
          base,
          method,
          path,
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null),
          response.body());
      return new Reply(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Builds a JSON object from name/value pairs: strings, numbers, booleans, collections, JSON
   * values.
   */
  public static String json(Object... pairs) {
    JsonObjectBuilder builder = Json.createObjectBuilder();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      String name = (String) pairs[i];
      Object value = pairs[i + 1];
      if (value == null) {
        builder.addNull(name);
      } else if (value instanceof String s) {
        builder.add(name, s);
      } else if (value instanceof Boolean b) {
        builder.add(name, b);
      } else if (value instanceof Integer n) {
        builder.add(name, n);
      } else if (value instanceof Long n) {
        builder.add(name, n);
      } else if (value instanceof java.math.BigDecimal n) {
        builder.add(name, n);
      } else if (value instanceof Double n) {
        builder.add(name, n);
      } else if (value instanceof Collection<?> c) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        c.forEach(
            e -> {
              if (e instanceof JsonValue v) {
                array.add(v);
              } else {
                array.add(String.valueOf(e));
              }
            });
        builder.add(name, array);
      } else if (value instanceof JsonValue v) {
        builder.add(name, v);
      } else {
        throw new IllegalArgumentException("no JSON for " + value.getClass());
      }
    }
    return builder.build().toString();
  }

  /** What came back. */
  public record Reply(int status, HttpHeaders headers, String body) {

    public JsonObject json() {
      try (var reader = Json.createReader(new StringReader(body))) {
        return reader.readObject();
      }
    }

    public JsonArray array() {
      try (var reader = Json.createReader(new StringReader(body))) {
        return reader.readArray();
      }
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    public String code() {
      return json().getString("code", null);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
