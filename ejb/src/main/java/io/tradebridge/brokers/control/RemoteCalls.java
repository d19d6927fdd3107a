package io.tradebridge.brokers.control;

import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.orders.entity.Sent;
import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * What a call to a remote broker that threw instead of answering means, the same for every broker:
 * refused here (breaker open, too many calls in flight) or never connected — nothing reached the
 * broker — or lost on the way, when the broker may have acted and only a look-up can tell.
 */
public final class RemoteCalls {

  private RemoteCalls() {}

  /** A placement's call threw: not sent, or an unknown outcome to settle by looking it up. */
  public static Sent placementFailed(
      RuntimeException failure, BrokerAvailability availability, String broker) {
    if (failure instanceof CircuitBreakerOpenException) {
      availability.breakerOpen();
      return new Sent.NotSent("too many recent failures at " + broker);
    }
    if (failure instanceof BulkheadException) {
      return new Sent.NotSent("too many calls to " + broker + " in flight from this server");
    }
    if (failure instanceof ProcessingException) {
      return refusedConnection(failure)
          ? new Sent.NotSent("connection refused")
          : new Sent.Unknown("connection lost");
    }
    // The Fault Tolerance time-out, or anything after the order may have left: unknown.
    return new Sent.Unknown("no answer within the time-out");
  }

  /** Any other call threw: 502 in words a trader can act on. */
  public static TradebridgeException unavailable(
      RuntimeException failure, BrokerAvailability availability, String broker) {
    if (failure instanceof CircuitBreakerOpenException) {
      availability.breakerOpen();
      return TradebridgeException.brokerUnavailable(
          broker
              + " is not being called for a few seconds after too many failures; try again"
              + " shortly");
    }
    return TradebridgeException.brokerUnavailable(
        broker + " could not be reached; try again shortly");
  }

  /** Nothing left for the broker when the connection itself was refused. */
  static boolean refusedConnection(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return true;
      }
    }
    return false;
  }
}
