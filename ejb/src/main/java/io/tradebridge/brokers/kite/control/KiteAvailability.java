package io.tradebridge.brokers.kite.control;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Says once in the log when calls to Kite stop (its circuit breaker opened) and once when Kite
 * answers again: without it an operator saw only traders' 502s. Fault Tolerance counts the openings
 * itself ({@code ft_circuitbreaker_opened_total} on {@code /metrics}); this is the line someone
 * reads.
 */
public final class KiteAvailability {

  private static final Logger LOG = Logger.getLogger(KiteAvailability.class.getName());

  private final AtomicBoolean refusing = new AtomicBoolean();

  /** A call was refused here because the breaker is open; true the first time since it opened. */
  public boolean breakerOpen() {
    if (!refusing.compareAndSet(false, true)) {
      return false;
    }
    LOG.warning(
        "Kite is not being called: too many recent calls failed or timed out, so Tradebridge's"
            + " circuit breaker refuses orders for Kite accounts at once (502 BROKER_UNAVAILABLE)"
            + " and tries Kite again after 15 s. Check that TRADEBRIDGE_KITE_API_URL is reachable"
            + " from this server.");
    return true;
  }

  /** Kite answered a call; true when that ends a spell of refusals. */
  public boolean answered() {
    if (!refusing.compareAndSet(true, false)) {
      return false;
    }
    LOG.info("Kite answers again: orders for Kite accounts are sent as usual.");
    return true;
  }
}
