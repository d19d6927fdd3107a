package io.tradebridge.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a flood of made-up keys from one address off the database: after {@value #FAILURES_PER_SECOND}
 * unknown keys in a second, that address gets 429 for the rest of the second without a lookup. It is
 * per node on purpose — its job is to protect this node's CPU and connection pool — and it never
 * touches a key that works: a known key from a throttled address is refused only while the address
 * keeps failing.
 */
@ApplicationScoped
public class UnknownKeyThrottle {

  static final int FAILURES_PER_SECOND = 20;
  private static final int MAX_ADDRESSES = 50_000;

  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  private static final class Window {
    final long startMillis;
    int failures;

    Window(long startMillis) {
      this.startMillis = startMillis;
    }
  }

  /** Seconds to wait when the address is throttled, else 0. */
  public long retryAfter(String address, long nowMillis) {
    Window w = windows.get(address);
    if (w == null || nowMillis - w.startMillis >= 1000) {
      return 0;
    }
    synchronized (w) {
      return w.failures >= FAILURES_PER_SECOND ? 1 : 0;
    }
  }

  public void failed(String address, long nowMillis) {
    if (windows.size() > MAX_ADDRESSES) {
      windows.clear();
    }
    Window w = windows.compute(address, (a, old) -> old == null || nowMillis - old.startMillis >= 1000
        ? new Window(nowMillis) : old);
    synchronized (w) {
      w.failures++;
    }
  }
}
