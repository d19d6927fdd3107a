package io.tradebridge.stream.boundary;

import io.tradebridge.common.control.ProblemCode;
import io.tradebridge.stream.control.Outbox;
import io.tradebridge.stream.control.Push;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/** One open stream: whose it is, what it listens to, and what it has still to send. */
public final class Listener {

  private final StreamCredential credential;
  private final Outbox outbox;
  private final BiConsumer<ProblemCode, String> hangUp;
  final Set<String> quotes = ConcurrentHashMap.newKeySet();
  volatile boolean orders;
  private volatile boolean closed;

  Listener(StreamCredential credential, Outbox outbox, BiConsumer<ProblemCode, String> hangUp) {
    this.credential = credential;
    this.outbox = outbox;
    this.hangUp = hangUp;
  }

  public String userId() {
    return credential.userId();
  }

  StreamCredential credential() {
    return credential;
  }

  public Outbox outbox() {
    return outbox;
  }

  public boolean orders() {
    return orders;
  }

  public int quoteCount() {
    return quotes.size();
  }

  /** Sends, or hangs up on a reader that has stopped reading. */
  void push(Push push) {
    if (!closed && !outbox.offer(push)) {
      hangUp(
          ProblemCode.RATE_LIMITED,
          "the stream fell too far behind its updates; reconnect and subscribe again");
    }
  }

  void hangUp(ProblemCode code, String why) {
    if (!closed) {
      closed = true;
      hangUp.accept(code, why);
    }
  }

  boolean closed() {
    return closed;
  }
}
