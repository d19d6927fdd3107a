package io.tradebridge.stream.boundary;

import io.tradebridge.apikeys.boundary.ApiKeyAuthenticator;
import io.tradebridge.database.boundary.DatabaseSchema;
import io.tradebridge.market.boundary.PaperExchange;
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
 * The stream's own thread. It wakes when the market moves, when orders change on this server and
 * when a key or a user is written, and at least every {@value #LOOK_EVERY_MILLIS} ms for what
 * changed another way (another server, a broker's postback). On every server: each serves its own
 * sockets.
 */
@Singleton
@Startup
@DependsOn({"DatabaseSchema"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StreamDesk {

  static final long LOOK_EVERY_MILLIS = 250;

  /** How often every stream's key or session is checked again, besides at each change of one. */
  static final long RECHECK_EVERY_MILLIS = 2_000;

  /** How often positions are sent for their moving value, not only when an order changed them. */
  static final long POSITIONS_EVERY_MILLIS = 2_000;

  private static final Logger LOG = Logger.getLogger(StreamDesk.class.getName());

  @Resource ManagedThreadFactory threads;
  @Inject StreamHub hub;
  @Inject PaperExchange exchange;
  @Inject OrderSignals signals;
  @Inject ApiKeyAuthenticator keys;
  @Inject DatabaseSchema schema;

  private final Semaphore nudges = new Semaphore(0);
  private volatile boolean marketMoved;
  private volatile boolean ordersChanged;
  private volatile boolean keysChanged;
  private final Runnable onTick =
      () -> {
        marketMoved = true;
        nudges.release();
      };
  private final Runnable onOrders =
      () -> {
        ordersChanged = true;
        nudges.release();
      };
  private volatile boolean running = true;
  private Thread desk;

  @PostConstruct
  void start() {
    exchange.onTick(onTick);
    signals.listen(onOrders);
    keys.onChange(
        () -> {
          keysChanged = true;
          nudges.release();
        });
    desk = threads.newThread(this::run);
    desk.setName("tradebridge-stream");
    desk.start();
  }

  @PreDestroy
  void stop() {
    running = false;
    signals.forget(onOrders);
    desk.interrupt();
    try {
      desk.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    long nextRecheck = 0;
    long nextOrders = 0;
    long nextPositions = 0;
    while (running) {
      try {
        nudges.tryAcquire(LOOK_EVERY_MILLIS, TimeUnit.MILLISECONDS);
        nudges.drainPermits();
        if (!running || schema.refusal().isPresent()) {
          continue;
        }
        long now = System.currentTimeMillis();
        if (keysChanged || now >= nextRecheck) {
          keysChanged = false;
          nextRecheck = now + RECHECK_EVERY_MILLIS;
          hub.recheck();
        }
        if (marketMoved) {
          marketMoved = false;
          hub.quotesMoved();
        }
        if ((ordersChanged || now >= nextOrders) && hub.anyFollowsOrders()) {
          ordersChanged = false;
          nextOrders = now + LOOK_EVERY_MILLIS;
          boolean positions = now >= nextPositions;
          if (positions) {
            nextPositions = now + POSITIONS_EVERY_MILLIS;
          }
          hub.lookAtOrders(positions);
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // The loop must outlive a database fault; the next look tries again.
        LOG.log(Level.WARNING, "stream: {0}", e.toString());
      }
    }
  }
}
