package io.tradebridge.stream.boundary;

import io.tradebridge.access.entity.KeyCaller;
import io.tradebridge.access.entity.Permission;
import io.tradebridge.apikeys.boundary.ApiKeyAuthenticator;
import io.tradebridge.common.control.ProblemCode;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.rest.json.AnswerJson;
import io.tradebridge.stream.control.Push;
import io.tradebridge.users.boundary.Sessions;
import io.tradebridge.users.entity.User;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One push stream connection and its protocol (API.md, "Live updates"). The first message signs in
 * — {@code {"action":"auth","apiKey":"tb_…"}}, or for the web UI {@code
 * {"action":"auth","csrfToken":"…"}} with the session cookie the upgrade carried (the token proves
 * the page is ours: another site's page gets the cookie sent but cannot read the token). Then
 * {@code subscribe} and {@code unsubscribe} with {@code quotes} and/or {@code orders}, and {@code
 * ping}. Every answer is a message with a {@code type}; a mistake is {@code {"type":"error", code,
 * detail}} and the stream stays open, except before signing in, when it is closed.
 */
public class StreamSocket extends Endpoint {

  /** How long a connection may stay open without signing in. */
  static final long AUTH_WITHIN_SECONDS = 10;

  /** The largest message a client may send: a subscription of 2,000 instruments fits. */
  static final int MOST_MESSAGE_BYTES = 256 * 1024;

  private static final Logger LOG = Logger.getLogger(StreamSocket.class.getName());

  private final StreamHub hub;
  private final ApiKeyAuthenticator keys;
  private final Sessions sessions;
  private final ScheduledExecutorService timers;
  private final String address;
  private final String sessionToken;

  private Session session;
  private volatile Listener listener;
  private ScheduledFuture<?> authTimeout;

  StreamSocket(
      StreamHub hub,
      ApiKeyAuthenticator keys,
      Sessions sessions,
      ScheduledExecutorService timers,
      String address,
      String sessionToken) {
    this.hub = hub;
    this.keys = keys;
    this.sessions = sessions;
    this.timers = timers;
    this.address = address;
    this.sessionToken = sessionToken;
  }

  @Override
  public void onOpen(Session session, EndpointConfig config) {
    this.session = session;
    session.setMaxTextMessageBufferSize(MOST_MESSAGE_BYTES);
    session.addMessageHandler(String.class, this::onMessage);
    authTimeout =
        timers.schedule(
            () -> {
              if (listener == null) {
                refuse(
                    ProblemCode.UNAUTHENTICATED,
                    "sign in within " + AUTH_WITHIN_SECONDS + " s: send {\"action\":\"auth\",…}");
              }
            },
            AUTH_WITHIN_SECONDS,
            TimeUnit.SECONDS);
  }

  @Override
  public void onClose(Session session, CloseReason reason) {
    if (authTimeout != null) {
      authTimeout.cancel(false);
    }
    Listener l = listener;
    if (l != null) {
      hub.close(l);
    }
  }

  @Override
  public void onError(Session session, Throwable failure) {
    LOG.log(Level.FINE, "stream connection failed: {0}", failure.toString());
  }

  private synchronized void onMessage(String text) {
    JsonObject message;
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      message = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      mistake(ProblemCode.MALFORMED_REQUEST, "a message is one JSON object with an \"action\"");
      return;
    }
    String action = message.getString("action", "");
    if (listener == null) {
      if (!"auth".equals(action)) {
        refuse(
            ProblemCode.UNAUTHENTICATED,
            "the first message signs in: {\"action\":\"auth\",\"apiKey\":\"…\"}");
        return;
      }
      signIn(message);
      return;
    }
    switch (action) {
      case "auth" -> mistake(ProblemCode.CONFLICT, "this stream is already signed in");
      case "subscribe" -> subscribe(message, true);
      case "unsubscribe" -> subscribe(message, false);
      case "ping" -> reply(fields("type", "pong"));
      default ->
          mistake(
              ProblemCode.VALIDATION_FAILED,
              "unknown action '" + action + "': auth, subscribe, unsubscribe or ping");
    }
  }

  private void signIn(JsonObject message) {
    StreamCredential credential;
    try {
      credential = credential(message);
    } catch (TradebridgeException e) {
      refuse(e.code(), e.getMessage());
      return;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "stream sign-in failed: {0}", e.toString());
      refuse(ProblemCode.INTERNAL, "signing in failed; try again");
      return;
    }
    authTimeout.cancel(false);
    listener =
        hub.open(
            credential,
            (text, done) ->
                session
                    .getAsyncRemote()
                    .sendText(text, result -> done.accept(result.getException())),
            StreamSocket::write,
            this::hangUp);
    reply(
        fields(
            "type",
            "authenticated",
            "via",
            credential instanceof StreamCredential.Key ? "API_KEY" : "SESSION"));
  }

  private StreamCredential credential(JsonObject message) {
    String apiKey = string(message, "apiKey");
    if (apiKey != null) {
      KeyCaller key = keys.authenticate(apiKey.strip(), address);
      if (!key.may(Permission.READ)) {
        throw TradebridgeException.forbidden("this API key lacks the READ permission");
      }
      return new StreamCredential.Key(
          key.userId(), key.keyId(), keys.digest(apiKey.strip()), address);
    }
    String csrf = string(message, "csrfToken");
    if (csrf != null && sessionToken != null) {
      Optional<User> user = sessions.resolve(sessionToken);
      if (user.isPresent() && sessions.csrfMatches(sessionToken, csrf)) {
        return new StreamCredential.Session(user.get().id(), sessionToken);
      }
    }
    throw new TradebridgeException(
        ProblemCode.UNAUTHENTICATED,
        "sign in with {\"action\":\"auth\",\"apiKey\":\"…\"}, or from the web UI with its"
            + " session and {\"csrfToken\":\"…\"}");
  }

  private void subscribe(JsonObject message, boolean on) {
    List<StreamHub.QuoteRef> refs = new ArrayList<>();
    JsonValue quotes = message.get("quotes");
    if (quotes != null && quotes.getValueType() != JsonValue.ValueType.NULL) {
      if (quotes.getValueType() != JsonValue.ValueType.ARRAY) {
        mistake(ProblemCode.VALIDATION_FAILED, "quotes: a list of {exchange, symbol}");
        return;
      }
      for (JsonValue item : (JsonArray) quotes) {
        if (item.getValueType() != JsonValue.ValueType.OBJECT) {
          mistake(ProblemCode.VALIDATION_FAILED, "quotes: a list of {exchange, symbol}");
          return;
        }
        JsonObject q = item.asJsonObject();
        refs.add(new StreamHub.QuoteRef(string(q, "exchange"), string(q, "symbol")));
      }
    }
    JsonValue orders = message.get("orders");
    boolean ordersNamed = orders == JsonValue.TRUE || orders == JsonValue.FALSE;
    if (orders != null && !ordersNamed && orders.getValueType() != JsonValue.ValueType.NULL) {
      mistake(ProblemCode.VALIDATION_FAILED, "orders: true or false");
      return;
    }
    if (refs.isEmpty() && !ordersNamed) {
      mistake(
          ProblemCode.VALIDATION_FAILED,
          "name what to "
              + (on ? "" : "un")
              + "subscribe: \"quotes\":[{exchange, symbol}] or"
              + " \"orders\":true");
      return;
    }
    List<String> refused = List.of();
    if (on) {
      refused = hub.watch(listener, refs);
    } else {
      hub.unwatch(listener, refs);
    }
    if (ordersNamed) {
      hub.followOrders(listener, on && orders == JsonValue.TRUE);
    }
    reply(
        fields(
            "type",
            on ? "subscribed" : "unsubscribed",
            "quotes",
            listener.quoteCount(),
            "orders",
            listener.orders(),
            "refused",
            refused));
  }

  private static String string(JsonObject o, String name) {
    JsonValue v = o.get(name);
    return v != null && v.getValueType() == JsonValue.ValueType.STRING
        ? ((jakarta.json.JsonString) v).getString()
        : null;
  }

  /** An answer's fields in the order given. */
  private static Map<String, Object> fields(Object... namesAndValues) {
    Map<String, Object> answer = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      answer.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return answer;
  }

  private void reply(Map<String, Object> answer) {
    String text = AnswerJson.write(answer);
    Listener l = listener;
    if (l != null) {
      hub.reply(l, text);
    } else {
      session.getAsyncRemote().sendText(text);
    }
  }

  private void mistake(ProblemCode code, String detail) {
    reply(fields("type", "error", "code", code.name(), "detail", detail));
  }

  /** Tells why and closes: before signing in, or when the key or session stopped standing. */
  private void refuse(ProblemCode code, String detail) {
    try {
      session
          .getBasicRemote()
          .sendText(
              AnswerJson.write(fields("type", "error", "code", code.name(), "detail", detail)));
    } catch (IOException | RuntimeException e) {
      // The reader is gone; closing is all that is left.
    }
    close(detail);
  }

  /**
   * Called from the stream's desk thread, which must never wait on one reader: the last words go
   * out from another thread.
   */
  private void hangUp(ProblemCode code, String why) {
    timers.execute(() -> refuse(code, why));
  }

  private void close(String why) {
    try {
      // A close reason travels in at most 123 bytes.
      String reason = why.length() > 120 ? why.substring(0, 120) : why;
      session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, reason));
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "stream close failed: {0}", e.toString());
    }
  }

  private static String write(Push push) {
    return AnswerJson.writeTyped(push.type(), (Record) push.payload());
  }
}
