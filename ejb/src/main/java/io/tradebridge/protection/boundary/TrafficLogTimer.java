package io.tradebridge.protection.boundary;

import io.tradebridge.database.boundary.OnceWork;
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

  @Inject OnceWork onceWork;

  @Inject TrafficLog log;

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
  void flush() {
    log.flush();
  }

  @Schedule(hour = "*/6", minute = "41", persistent = false)
  void purge() {
    if (!onceWork.mine()) {
      return; // another server sharing the database does this work
    }
    log.purge();
  }
}
