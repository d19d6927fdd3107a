package io.tradebridge.copying.boundary;

import io.tradebridge.database.boundary.DatabaseSchema;
import io.tradebridge.database.boundary.OnceWork;
import io.tradebridge.orders.boundary.OrderSignals;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The copier's own thread: it looks as soon as orders were placed or changed on this server, and at
 * least every {@value #LOOK_EVERY_MILLIS} ms for what came another way (another server, a broker's
 * postback, the paper clock's fills). Over a shared database only the server doing the once-only
 * work copies, so two servers never race to copy the same order; the copy ids would make the race
 * harmless, the single copier makes it quiet.
 */
@Singleton
@Startup
@DependsOn({"DatabaseSchema", "OrderDesk"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CopyDesk {

  static final long LOOK_EVERY_MILLIS = 500;

  private static final Logger LOG = Logger.getLogger(CopyDesk.class.getName());

  @Resource ManagedThreadFactory threads;
  @Inject Copier copier;
  @Inject OnceWork onceWork;
  @Inject DatabaseSchema schema;
  @Inject OrderSignals signals;

  private final Semaphore nudges = new Semaphore(0);
  private final Runnable nudge = nudges::release;
  private volatile boolean running = true;
  private Thread looker;

  @PostConstruct
  void start() {
    signals.listen(nudge);
    looker = threads.newThread(this::look);
    looker.setName("tradebridge-copier");
    looker.start();
  }

  @PreDestroy
  void stop() {
    running = false;
    signals.forget(nudge);
    looker.interrupt();
    try {
      looker.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void look() {
    while (running) {
      try {
        nudges.tryAcquire(LOOK_EVERY_MILLIS, TimeUnit.MILLISECONDS);
        nudges.drainPermits();
        // A database the server refuses (its start-up check stops it) is not read.
        if (running && schema.refusal().isEmpty() && onceWork.mine()) {
          copier.sweep();
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // The loop must outlive a database fault; the next look tries again.
        LOG.log(Level.WARNING, "copier: {0}", e.toString());
      }
    }
  }
}
