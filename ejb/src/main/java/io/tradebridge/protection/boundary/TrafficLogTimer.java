package io.tradebridge.protection.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * The traffic log's timers: write what has gathered every second, purge old lines every six hours.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TrafficLogTimer {

  @Inject TrafficLog log;

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
  void flush() {
    log.flush();
  }

  @Schedule(hour = "*/6", minute = "41", persistent = false)
  void purge() {
    log.purge();
  }
}
