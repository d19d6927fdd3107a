package io.tradebridge.stream.boundary;

import io.tradebridge.apikeys.boundary.ApiKeyAuthenticator;
import io.tradebridge.common.control.ProblemCode;
import io.tradebridge.market.boundary.PaperExchange;
import io.tradebridge.market.control.Instrument;
import io.tradebridge.orders.boundary.PositionView;
import io.tradebridge.stream.control.Outbox;
import io.tradebridge.stream.control.Push;
import io.tradebridge.users.boundary.Sessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Who listens to what on the push stream, and the fan-out to them (API.md, "Live updates"). Quotes
 * are the paper market's, sent when the market moves; orders and positions are the listener's own,
 * read from the database (so an order changed on another server over a shared database is sent
 * too). Every update is made once and shared by all the streams it goes to; each stream's {@link
 * Outbox} keeps only the latest value of each thing for a slow reader.
 *
 * <p>Only the {@link StreamDesk}'s thread calls the fan-out methods; the socket threads call {@link
 * #open}, {@link #watch} and the like.
 */
@ApplicationScoped
public class StreamHub {

  /** Instruments one stream may watch at once. */
  public static final int MOST_QUOTES = 2_000;

  /**
   * Different things one stream may have waiting: its quotes, plus room for a burst of orders. A
   * stream past it has stopped reading and is closed rather than allowed to grow.
   */
  static final int MOST_WAITING = MOST_QUOTES + 5_000;

  /** A reader that takes longer than this to read one message has stopped reading: it is closed. */
  static final Duration STALLED = Duration.ofSeconds(30);

  /** How far each look at orders reaches before the last one: late commits are still seen. */
  static final Duration SLACK = Duration.ofSeconds(5);

  private static final Logger LOG = Logger.getLogger(StreamHub.class.getName());

  /** An instrument a stream asks about. */
  public record QuoteRef(String exchange, String symbol) {
    String key() {
      return (exchange == null ? "" : exchange.strip().toUpperCase(Locale.ROOT))
          + ":"
          + (symbol == null ? "" : symbol.strip().toUpperCase(Locale.ROOT));
    }
  }

  @Inject PaperExchange exchange;
  @Inject StreamReads reads;
  @Inject ApiKeyAuthenticator keys;
  @Inject Sessions sessions;
  @Inject Clock clock;

  private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
  private final Map<String, Set<Listener>> watchers = new ConcurrentHashMap<>();
  private final AtomicLong replies = new AtomicLong();

  // The desk thread's own state.
  private final Map<String, StreamQuote> lastQuotes = new HashMap<>();
  private final Map<String, Long> seenOrders = new HashMap<>();
  private final Map<String, Map<String, PositionView>> sentPositions = new HashMap<>();
  private Instant lookedUntil;

  public Listener open(
      StreamCredential credential,
      Outbox.Wire wire,
      Function<Push, String> writer,
      BiConsumer<ProblemCode, String> hangUp) {
    Listener listener = new Listener(credential, new Outbox(wire, writer, MOST_WAITING), hangUp);
    listeners.add(listener);
    return listener;
  }

  public void close(Listener listener) {
    listeners.remove(listener);
    for (String key : listener.quotes) {
      unwatch(listener, key);
    }
    listener.quotes.clear();
  }

  public int open() {
    return listeners.size();
  }

  /**
   * Starts sending these instruments' quotes to the listener, beginning with their quotes now.
   *
   * @return the refs refused, each with why (unknown instrument, too many for one stream)
   */
  public List<String> watch(Listener listener, List<QuoteRef> refs) {
    List<String> refused = new ArrayList<>();
    for (QuoteRef ref : refs) {
      Optional<Instrument> instrument =
          exchange.instrument(norm(ref.exchange()), norm(ref.symbol()));
      if (instrument.isEmpty()) {
        refused.add(ref.key() + ": no such instrument");
        continue;
      }
      String key = instrument.get().key();
      if (!listener.quotes.contains(key) && listener.quotes.size() >= MOST_QUOTES) {
        refused.add(key + ": a stream watches at most " + MOST_QUOTES + " instruments");
        continue;
      }
      listener.quotes.add(key);
      watchers.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(listener);
      exchange
          .quote(instrument.get())
          .ifPresent(q -> listener.push(quotePush(key, StreamQuote.of(q))));
    }
    return refused;
  }

  public void unwatch(Listener listener, List<QuoteRef> refs) {
    for (QuoteRef ref : refs) {
      String key = ref.key();
      listener.quotes.remove(key);
      unwatch(listener, key);
    }
  }

  private void unwatch(Listener listener, String key) {
    watchers.computeIfPresent(
        key,
        (k, set) -> {
          set.remove(listener);
          return set.isEmpty() ? null : set;
        });
  }

  /** Starts (or stops) sending the listener's own orders and positions as they change. */
  public void followOrders(Listener listener, boolean on) {
    listener.orders = on;
  }

  /** An answer to one of the listener's own messages, sent in its turn and never replaced. */
  public void reply(Listener listener, String text) {
    listener.push(Push.text("reply|" + replies.incrementAndGet(), text));
  }

  private static String norm(String s) {
    return s == null ? "" : s.strip().toUpperCase(Locale.ROOT);
  }

  private static Push quotePush(String key, StreamQuote quote) {
    return new Push("quote|" + key, "quote", quote);
  }

  // ---- the desk's thread ----

  /** The market moved: each watched instrument's quote, if a reader would see a change. */
  void quotesMoved() {
    lastQuotes.keySet().retainAll(watchers.keySet());
    for (Map.Entry<String, Set<Listener>> watched : watchers.entrySet()) {
      String key = watched.getKey();
      int colon = key.indexOf(':');
      Optional<StreamQuote> now =
          exchange
              .instrument(key.substring(0, colon), key.substring(colon + 1))
              .flatMap(exchange::quote)
              .map(StreamQuote::of);
      if (now.isEmpty() || !now.get().differsFrom(lastQuotes.get(key))) {
        continue;
      }
      lastQuotes.put(key, now.get());
      Push push = quotePush(key, now.get());
      for (Listener l : watched.getValue()) {
        l.push(push);
      }
    }
  }

  boolean anyFollowsOrders() {
    for (Listener l : listeners) {
      if (l.orders) {
        return true;
      }
    }
    return false;
  }

  /**
   * One look at the followers' orders written since the last: each changed order to its owner's
   * streams, then the positions of the owners whose orders changed.
   *
   * @param positionsToo send every follower's positions whose value moved, not only those whose
   *     orders changed (prices move P&amp;L)
   */
  void lookAtOrders(boolean positionsToo) {
    Instant started = clock.instant();
    Map<String, List<Listener>> byUser = new HashMap<>();
    for (Listener l : listeners) {
      if (l.orders && !l.closed()) {
        byUser.computeIfAbsent(l.userId(), u -> new ArrayList<>()).add(l);
      }
    }
    sentPositions.keySet().retainAll(byUser.keySet());
    if (byUser.isEmpty()) {
      seenOrders.clear();
      lookedUntil = null;
      return;
    }
    if (lookedUntil == null) {
      lookedUntil = started;
    }
    Map<String, String> owners = reads.accountsOf(byUser.keySet());
    List<StreamReads.SeenOrder> written = reads.changed(owners.keySet(), lookedUntil.minus(SLACK));
    Set<String> inWindow = new HashSet<>();
    Set<String> moved = new HashSet<>(positionsToo ? byUser.keySet() : Set.of());
    for (StreamReads.SeenOrder o : written) {
      inWindow.add(o.id());
      Long before = seenOrders.put(o.id(), o.version());
      if (before != null && before == o.version()) {
        continue;
      }
      Push push = new Push("order|" + o.id(), "order", o.view());
      for (Listener l : byUser.getOrDefault(o.userId(), List.of())) {
        l.push(push);
      }
      moved.add(o.userId());
    }
    seenOrders.keySet().retainAll(inWindow);
    for (String userId : moved) {
      List<Listener> streams = byUser.get(userId);
      if (streams != null) {
        sendPositions(userId, streams);
      }
    }
    lookedUntil = started;
  }

  private void sendPositions(String userId, List<Listener> streams) {
    Map<String, PositionView> sent = sentPositions.computeIfAbsent(userId, u -> new HashMap<>());
    for (PositionView p : reads.positions(userId)) {
      String key = p.account() + "|" + p.exchange() + ":" + p.symbol() + "|" + p.productType();
      if (p.equals(sent.get(key))) {
        continue;
      }
      sent.put(key, p);
      Push push = new Push("position|" + key, "position", p);
      streams.forEach(l -> l.push(push));
    }
  }

  /** Hangs up on every stream whose key or session no longer stands. */
  void recheck() {
    for (Listener l : listeners) {
      if (l.closed()) {
        close(l);
        continue;
      }
      if (l.outbox().stalledNanos() > STALLED.toNanos()) {
        l.hangUp(
            ProblemCode.RATE_LIMITED,
            "the stream stopped reading for " + STALLED.toSeconds() + " s; reconnect to resume");
        close(l);
        continue;
      }
      String why;
      try {
        why = refusal(l.credential());
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "stream check failed, tried again: {0}", e.toString());
        continue;
      }
      if (why != null) {
        l.hangUp(ProblemCode.UNAUTHENTICATED, why);
        close(l);
      }
    }
  }

  private String refusal(StreamCredential credential) {
    if (credential instanceof StreamCredential.Key key) {
      return keys.stillValid(key.digest(), key.address())
          ? null
          : "the API key was revoked, regenerated or has expired";
    }
    StreamCredential.Session session = (StreamCredential.Session) credential;
    return sessions.stillLive(session.token()) ? null : "the session has ended; sign in again";
  }
}
