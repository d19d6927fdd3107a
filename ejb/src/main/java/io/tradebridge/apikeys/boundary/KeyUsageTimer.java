package io.tradebridge.apikeys.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Writes the keys' last-used times every two seconds. */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class KeyUsageTimer {

  @Inject KeyUsage usage;

  @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
  void flush() {
    usage.flush();
  }
}
