package io.tradebridge.apikeys.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * "Last used time and address" without a database write on every request: uses are gathered in
 * memory and written every two seconds, in small transactions so that the row locks they take never
 * hold up a key check for long. A crash loses at most those seconds of last-used times, never
 * anything a security decision depends on. A plain CDI bean, not an EJB, because it is called on
 * every request with a key ({@link KeyUsageTimer} runs the timer).
 */
@ApplicationScoped
public class KeyUsage {

  private static final Logger LOG = Logger.getLogger(KeyUsage.class.getName());
  private static final int CHUNK = 50;

  @Inject KeyUsageWriter writer;

  private static final int MAX_KNOWN = 100_000;

  private final Map<String, Use> pending = new ConcurrentHashMap<>();
  private final Set<String> knownAddresses = ConcurrentHashMap.newKeySet();
  private final Queue<Use> newAddresses = new ConcurrentLinkedQueue<>();

  /** One key's latest use. */
  public record Use(String keyId, Instant at, String address) {}

  public void record(String keyId, Instant at, String address) {
    pending.merge(
        keyId, new Use(keyId, at, address), (old, now) -> now.at().isAfter(old.at()) ? now : old);
    if (address != null && knownAddresses.add(keyId + "|" + address)) {
      // New to this node: the writer checks the database, where every node's addresses are.
      newAddresses.add(new Use(keyId, at, address));
      if (knownAddresses.size() > MAX_KNOWN) {
        knownAddresses.clear();
      }
    }
  }

  /** Writes what has gathered; every two seconds, from {@link KeyUsageTimer}. */
  public void flush() {
    for (Use use; (use = newAddresses.poll()) != null; ) {
      try {
        writer.noteAddress(use);
      } catch (RuntimeException e) {
        // Another node noted the same address at the same moment, or the database is away: forget
        // it
        // here so that the next use checks again.
        knownAddresses.remove(use.keyId() + "|" + use.address());
      }
    }
    List<Use> chunk = new ArrayList<>(CHUNK);
    for (String keyId : pending.keySet()) {
      Use use = pending.remove(keyId);
      if (use != null) {
        chunk.add(use);
      }
      if (chunk.size() == CHUNK) {
        write(chunk);
        chunk = new ArrayList<>(CHUNK);
      }
    }
    if (!chunk.isEmpty()) {
      write(chunk);
    }
  }

  private void write(List<Use> chunk) {
    try {
      writer.write(chunk);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "could not record the last use of {0} API keys: {1}",
          new Object[] {chunk.size(), e.getClass().getSimpleName()});
    }
  }
}
