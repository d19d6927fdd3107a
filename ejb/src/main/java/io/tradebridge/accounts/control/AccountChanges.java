package io.tradebridge.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter per trading account that every write to its orders, positions or settings moves on
 * ({@link AccountChangeListener}), when the write reaches the database — inside the writer's
 * transaction, while it still holds its locks. Whoever keeps something computed from an account can
 * tell by the counter whether anything touched the account since.
 */
@ApplicationScoped
public class AccountChanges {

  private final Map<String, AtomicLong> versions = new ConcurrentHashMap<>();

  public long version(String accountId) {
    AtomicLong v = versions.get(accountId);
    return v == null ? 0 : v.get();
  }

  public void changed(String accountId) {
    if (accountId != null) {
      versions.computeIfAbsent(accountId, id -> new AtomicLong()).incrementAndGet();
    }
  }
}
