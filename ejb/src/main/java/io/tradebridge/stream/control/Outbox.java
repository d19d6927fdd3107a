package io.tradebridge.stream.control;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What one stream has still to send. At most one message is on the wire at a time; while it is, new
 * updates wait here, and a newer update of the same thing (the same key) replaces the waiting one:
 * a slow reader gets the latest price, not every price it missed, and the memory a stream can hold
 * is bounded by what it subscribed to, never by how slow it is. Updates of different things go out
 * in the order they first arrived.
 *
 * <p>Thread-safe. Sends happen on the thread that offers or on the one that reports a send done; a
 * send that completes at once (the socket's buffer had room) does not recurse: the thread already
 * sending carries on with the next message.
 */
public final class Outbox {

  /** How a stream's messages leave: asynchronously, reporting each one's end (null on success). */
  public interface Wire {
    void send(String text, Consumer<Throwable> done);
  }

  private final Wire wire;

  /** Writes a push's text: the boundary knows JSON, this class does not. */
  private final Function<Push, String> writer;

  private final int most;
  private final LinkedHashMap<String, Push> waiting = new LinkedHashMap<>();
  private boolean onTheWire;
  private long onTheWireSince;
  private Thread sending;
  private boolean broken;
  private long sent;
  private long replaced;

  /**
   * @param most how many different things may wait at once; one more means the reader has stopped
   *     reading for so long that the stream is better closed (see {@link #offer})
   */
  public Outbox(Wire wire, Function<Push, String> writer, int most) {
    this.wire = wire;
    this.writer = writer;
    this.most = most;
  }

  /**
   * Queues an update, replacing a waiting one of the same key, and sends if nothing is on the wire.
   *
   * @return false when the stream is broken or already holds {@code most} different waiting things
   *     and this one is new: the caller closes the stream
   */
  public boolean offer(Push push) {
    synchronized (this) {
      if (broken) {
        return false;
      }
      Push before = waiting.put(push.key(), push);
      if (before != null) {
        replaced++;
      } else if (waiting.size() > most) {
        waiting.remove(push.key());
        return false;
      }
    }
    pump();
    return true;
  }

  /** How many updates this outbox sent, and how many it dropped for a newer one of the same key. */
  public synchronized long sent() {
    return sent;
  }

  public synchronized long replaced() {
    return replaced;
  }

  public synchronized int waiting() {
    return waiting.size();
  }

  public synchronized boolean broken() {
    return broken;
  }

  /**
   * How long the message on the wire has been waiting for the reader (0 when none is): a reader
   * that has stopped reading altogether holds one message there for ever.
   */
  public synchronized long stalledNanos() {
    return onTheWire ? System.nanoTime() - onTheWireSince : 0;
  }

  private void pump() {
    synchronized (this) {
      if (sending != null) {
        return;
      }
      sending = Thread.currentThread();
    }
    while (true) {
      Push next;
      synchronized (this) {
        if (onTheWire || broken || waiting.isEmpty()) {
          sending = null;
          return;
        }
        Iterator<Map.Entry<String, Push>> first = waiting.entrySet().iterator();
        next = first.next().getValue();
        first.remove();
        onTheWire = true;
        onTheWireSince = System.nanoTime();
      }
      String text;
      try {
        text = next.text(writer);
      } catch (RuntimeException e) {
        // An update that cannot be written is dropped, not the stream.
        synchronized (this) {
          onTheWire = false;
        }
        continue;
      }
      try {
        wire.send(text, this::done);
      } catch (RuntimeException e) {
        done(e);
      }
    }
  }

  private void done(Throwable failure) {
    boolean carryOn;
    synchronized (this) {
      onTheWire = false;
      if (failure != null) {
        broken = true;
        waiting.clear();
      } else {
        sent++;
      }
      // The thread inside pump() picks the next message up itself.
      carryOn = sending != Thread.currentThread();
    }
    if (carryOn) {
      pump();
    }
  }
}
