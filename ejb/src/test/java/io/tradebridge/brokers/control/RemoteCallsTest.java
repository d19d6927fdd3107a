package io.tradebridge.brokers.control;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradebridge.orders.entity.Sent;
import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

class RemoteCallsTest {

  private final BrokerAvailability availability = new BrokerAvailability("Kite", "URL");

  @Test
  void whatNeverReachedTheBrokerIsNotSent() {
    assertInstanceOf(
        Sent.NotSent.class,
        RemoteCalls.placementFailed(new CircuitBreakerOpenException(), availability, "Kite"));
    assertInstanceOf(
        Sent.NotSent.class,
        RemoteCalls.placementFailed(new BulkheadException(), availability, "Kite"));
    assertInstanceOf(
        Sent.NotSent.class,
        RemoteCalls.placementFailed(
            new ProcessingException(new ConnectException("refused")), availability, "Kite"));
  }

  @Test
  void whatMayHaveReachedTheBrokerIsUnknownAndSettledByALookUp() {
    assertInstanceOf(
        Sent.Unknown.class,
        RemoteCalls.placementFailed(
            new ProcessingException(new SocketTimeoutException("read")), availability, "Kite"));
    assertInstanceOf(
        Sent.Unknown.class,
        RemoteCalls.placementFailed(new TimeoutException(), availability, "Kite"));
  }

  @Test
  void anOpenBreakerTellsTheTraderToWaitAFewSeconds() {
    assertTrue(
        RemoteCalls.unavailable(new CircuitBreakerOpenException(), availability, "Upstox")
            .detail()
            .startsWith("Upstox is not being called"));
  }
}
