package io.tradebridge.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts unknown keys per address: after {@value #FAILURES_PER_SECOND} in a second, that address's
 * further unknown keys are answered 429 for the rest of the second, telling a well-behaved client
 * to back off. It is consulted only after a key failed its lookup, so a valid key is never refused
 * because others at the same address (a shared office NAT) got theirs wrong. Per node on purpose:
 * it shapes answers, it does not guard shared state.
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
    Window w =
        windows.compute(
            address,
            (a, old) ->
                old == null || nowMillis - old.startMillis >= 1000 ? new Window(nowMillis) : old);
    synchronized (w) {
      w.failures++;
    }
  }
}
