package io.tradebridge.stream.control;

import java.util.function.Function;

/**
 * One update on the stream: a quote, an order or a position. Made once and handed to every stream
 * that asked for it; its text is written the first time a stream sends it and then shared, so a
 * quote going to 50 streams is serialised once.
 *
 * <p>{@code key} says what the update is the latest value of ("quote|NSE|SBIN", "order|id"): a
 * newer update under the same key replaces an older one still waiting to go out.
 */
public final class Push {

  private final String key;
  private final String type;
  private final Object payload;
  private volatile String text;

  public Push(String key, String type, Object payload) {
    this.key = key;
    this.type = type;
    this.payload = payload;
  }

  /** A message that is already text (an answer to one stream's request). */
  public static Push text(String key, String text) {
    Push push = new Push(key, "reply", null);
    push.text = text;
    return push;
  }

  public String key() {
    return key;
  }

  public String type() {
    return type;
  }

  public Object payload() {
    return payload;
  }

  /** The message's text, written with {@code writer} once however many streams send it. */
  public String text(Function<Push, String> writer) {
    String written = text;
    if (written == null) {
      written = writer.apply(this);
      text = written;
    }
    return written;
  }
}
