package io.tradebridge.brokers.control;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Says once in the log when calls to a broker stop (its circuit breaker opened) and once when it
 * answers again: without it an operator saw only traders' 502s. Fault Tolerance counts the openings
 * itself ({@code ft_circuitbreaker_opened_total} on {@code /metrics}); this is the line someone
 * reads.
 */
public final class BrokerAvailability {

  private static final Logger LOG = Logger.getLogger(BrokerAvailability.class.getName());

  private final String broker;
  private final String urlVariable;
  private final AtomicBoolean refusing = new AtomicBoolean();

  /**
   * @param broker the broker's name as traders know it ("Kite")
   * @param urlVariable the environment variable that names its API's address
   */
  public BrokerAvailability(String broker, String urlVariable) {
    this.broker = broker;
    this.urlVariable = urlVariable;
  }

  /** A call was refused here because the breaker is open; true the first time since it opened. */
  public boolean breakerOpen() {
    if (!refusing.compareAndSet(false, true)) {
      return false;
    }
    LOG.warning(
        broker
            + " is not being called: too many recent calls failed or timed out, so Tradebridge's"
            + " circuit breaker refuses orders for "
            + broker
            + " accounts at once (502 BROKER_UNAVAILABLE) and tries again after 15 s. Check that "
            + urlVariable
            + " is reachable from this server.");
    return true;
  }

  /** The broker answered a call; true when that ends a spell of refusals. */
  public boolean answered() {
    if (!refusing.compareAndSet(true, false)) {
      return false;
    }
    LOG.info(broker + " answers again: orders for " + broker + " accounts are sent as usual.");
    return true;
  }
}
