package io.tradebridge.database.boundary;

import io.tradebridge.common.control.EmbeddedDatabase;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whether this server does the work that must happen once however many servers share the database:
 * the paper market's clock, purges, e-mail. Alone on embedded Derby it always does. Over a shared
 * database one server holds the lease {@value #LEASE}, renewed every second for {@link #LENGTH};
 * when it dies, another takes the work over within that time (plus a second).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OnceWork {

  static final String LEASE = "once-work";

  /** How long a lease lasts without renewal: the longest the work can stand still. */
  static final Duration LENGTH = Duration.ofSeconds(15);

  private static final Logger LOG = Logger.getLogger(OnceWork.class.getName());

  @Inject EmbeddedDatabase database;
  @Inject Leases leases;
  @Inject Clock clock;

  /** Until when this server surely holds the lease (epoch ms); 0 when it does not. */
  private volatile long mineUntil;

  /** True when this server does the once-only work now. */
  public boolean mine() {
    return database.isEmbedded() || clock.millis() < mineUntil;
  }

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
  public void renew() {
    if (database.isEmbedded()) {
      return;
    }
    boolean was = mine();
    long asked = clock.millis();
    try {
      // A second's margin: the lease is taken as lost before the database says it has ended.
      mineUntil = leases.claim(LEASE, LENGTH) ? asked + LENGTH.toMillis() - 1000 : 0;
    } catch (SQLException e) {
      // Not renewed: what is held stays held until it ends, then the work stops here.
      LOG.log(Level.WARNING, "the lease {0} could not be renewed: {1}", new Object[] {LEASE, e});
    }
    boolean is = mine();
    if (is != was) {
      LOG.info(
          is
              ? "This server ("
                  + leases.me()
                  + ") now drives the paper market and the once-only work"
              : "Another server now drives the paper market and the once-only work");
    }
  }

  @PreDestroy
  void stop() {
    if (!database.isEmbedded() && mine()) {
      mineUntil = 0;
      try {
        leases.release(LEASE);
      } catch (SQLException | RuntimeException e) {
        // It ends on its own within LENGTH.
        LOG.log(Level.FINE, "lease not released at stop", e);
      }
    }
  }
}
