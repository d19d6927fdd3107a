package io.tradebridge.brokers.boundary;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Once a second: prices move, then every resting paper order is checked against the new market. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PaperClock {

  private static final Logger LOG = Logger.getLogger(PaperClock.class.getName());

  @Inject PaperExchange exchange;
  @Inject PaperBroker broker;

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
  public void second() {
    exchange.tick();
    for (String orderId : broker.workingOrderIds()) {
      try {
        broker.work(orderId);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "paper order {0} could not be matched: {1}", new Object[] {orderId, e.toString()});
      }
    }
  }
}
