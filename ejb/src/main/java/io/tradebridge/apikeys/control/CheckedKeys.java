package io.tradebridge.apikeys.control;

import io.tradebridge.common.control.AfterCompletion;
import io.tradebridge.common.control.EmbeddedDatabase;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Keys found by their digest, kept in memory so that a request with a known key reads nothing from
 * the database (two reads per request were a quarter of an order's time on the request thread).
 *
 * <p>Revocation must still act at once. Every entry carries the generation it was read in, and any
 * write to a key or a user ({@link KeyChangeListener}) moves the generation on when its transaction
 * ends, before the request that made the change answers; an entry of an older generation is never
 * used. A read that overlaps a change is stored under the generation it started in, so it is dead
 * on arrival rather than stale.
 *
 * <p>Only over embedded Derby, which no second server can open: over a shared database another node
 * may revoke a key, and this one would not hear of it, so there every check reads the database.
 */
@ApplicationScoped
public class CheckedKeys {

  private static final Logger LOG = Logger.getLogger(CheckedKeys.class.getName());

  /** Far above any real number of keys in use; a bound so that nothing can grow without end. */
  static final int MAX_ENTRIES = 20_000;

  private static final Object REGISTERED = CheckedKeys.class.getName() + ".invalidate";

  @Inject EmbeddedDatabase database;
  @Resource TransactionSynchronizationRegistry transactions;

  private final AtomicLong generation = new AtomicLong();
  private final Map<String, Entry> byDigest = new ConcurrentHashMap<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private volatile Boolean enabled;

  private record Entry(long generation, CheckedKey key) {}

  public CheckedKeys() {}

  CheckedKeys(boolean enabled) {
    this.enabled = enabled;
  }

  /**
   * The key with this digest: kept, or read with {@code read}, which answers null for an unknown
   * digest (never kept, so made-up keys cannot fill memory).
   */
  public CheckedKey find(String digest, Function<String, CheckedKey> read) {
    if (!enabled()) {
      return read.apply(digest);
    }
    long readIn = generation.get();
    Entry kept = byDigest.get(digest);
    if (kept != null && kept.generation() == readIn) {
      return kept.key();
    }
    CheckedKey key = read.apply(digest);
    if (key != null) {
      if (byDigest.size() >= MAX_ENTRIES) {
        byDigest.clear();
      }
      byDigest.put(digest, new Entry(readIn, key));
    }
    return key;
  }

  /**
   * A key or a user is being written: forget every kept key when the current transaction ends
   * (commit or rollback), or at once outside a transaction. After commit, not before: a check
   * between a flush and the commit would read the old row and keep it.
   */
  public void changing() {
    if (transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
      if (transactions.getResource(REGISTERED) == null) {
        transactions.putResource(REGISTERED, Boolean.TRUE);
        AfterCompletion.register(transactions, status -> invalidate());
      }
      return;
    }
    invalidate();
  }

  void invalidate() {
    generation.incrementAndGet();
    byDigest.clear();
    listeners.forEach(Runnable::run);
  }

  /** Told after every change of a key or a user; must return at once. */
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  private boolean enabled() {
    Boolean known = enabled;
    if (known == null) {
      known = database.isEmbedded();
      enabled = known;
      LOG.info(
          known
              ? "checked API keys are kept in memory (embedded database: this server only)"
              : "every API key check reads the database (shared by every server using it)");
    }
    return known;
  }
}
