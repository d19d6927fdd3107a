package io.tradebridge.orders.boundary;

import io.tradebridge.common.control.ProblemCode;
import io.tradebridge.common.control.TradebridgeException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The single writer every order placement goes through (group commit). Request threads hand their
 * orders in and wait; one thread takes whatever has gathered — one order, a batch of 500, or the
 * orders of 32 traders who sent at the same moment — and places it all in one transaction. One lock
 * per account, one durable commit for the lot, and no two placements contending for Derby's locks.
 * Each request is answered only after the commit that made its order durable.
 *
 * <p>If that shared transaction fails as a whole (a database fault, a deadlock with the paper
 * clock), nothing of it was committed, and the desk places each of its orders again in a
 * transaction of its own, so one bad order costs only itself.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrderDesk {

  /** Orders per transaction: a full batch request, or many single orders. */
  static final int MAX_ORDERS_PER_COMMIT = 500;

  private static final Logger LOG = Logger.getLogger(OrderDesk.class.getName());

  @Resource ManagedThreadFactory threads;
  @Inject OrderPlacer placer;
  @Inject OrderMetrics metrics;
  @Inject OrderDeskQueue queue;
  @Inject OrderSignals signals;

  private Thread writer;

  @PostConstruct
  void start() {
    writer = threads.newThread(this::write);
    writer.setName("tradebridge-order-desk");
    writer.start();
  }

  /** Lets the writer finish what it holds; whatever still waits is answered "not placed". */
  @PreDestroy
  void stop() {
    queue.close();
    try {
      writer.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    queue.answerWaitingNotPlaced();
  }

  /** The writer's loop: wait for work, then take everything that fits in one transaction. */
  private void write() {
    while (queue.isOpen() || !queue.isEmpty()) {
      try {
        OrderDeskQueue.Ticket first = queue.poll(200);
        if (first == null) {
          continue;
        }
        List<OrderDeskQueue.Ticket> tickets = new ArrayList<>();
        tickets.add(first);
        int orders = first.attempts().size();
        OrderDeskQueue.Ticket next;
        while ((next = queue.peek()) != null
            && orders + next.attempts().size() <= MAX_ORDERS_PER_COMMIT) {
          tickets.add(queue.poll());
          orders += next.attempts().size();
        }
        placeTogether(tickets, orders);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | Error e) {
        // The loop must outlive anything; placeTogether answers its own tickets.
        LOG.log(Level.SEVERE, "order desk: unexpected {0}", e.getClass().getName());
      }
    }
  }

  private void placeTogether(List<OrderDeskQueue.Ticket> tickets, int orders) {
    List<Attempt> all = new ArrayList<>(orders);
    tickets.forEach(t -> all.addAll(t.attempts()));
    try {
      List<Outcome> outcomes;
      try {
        outcomes = placer.placeAll(all);
        metrics.committed(orders);
        signals.changed();
      } catch (RuntimeException failed) {
        LOG.log(
            Level.WARNING,
            "order desk: a transaction of {0} orders failed ({1}); placing them one by one",
            new Object[] {orders, rootCause(failed)});
        tickets.forEach(this::placeAlone);
        return;
      }
      int from = 0;
      for (OrderDeskQueue.Ticket t : tickets) {
        t.answer().complete(outcomes.subList(from, from + t.attempts().size()));
        from += t.attempts().size();
      }
    } finally {
      // Whatever went wrong, no request waits forever.
      for (OrderDeskQueue.Ticket t : tickets) {
        t.answer()
            .complete(
                OrderDeskQueue.notPlaced(
                    t.attempts().size(),
                    new TradebridgeException(
                        ProblemCode.INTERNAL,
                        "the order could not be answered because of a server fault; send it again with the same clientOrderId"
                            + " to learn whether it was placed")));
      }
    }
  }

  private void placeAlone(OrderDeskQueue.Ticket ticket) {
    List<Outcome> outcomes = new ArrayList<>(ticket.attempts().size());
    for (Attempt attempt : ticket.attempts()) {
      try {
        outcomes.add(placer.placeAll(List.of(attempt)).get(0));
        metrics.committed(1);
      } catch (RuntimeException failed) {
        LOG.log(Level.WARNING, "order desk: an order could not be placed ({0})", rootCause(failed));
        outcomes.add(
            Outcome.refused(
                new TradebridgeException(
                    ProblemCode.INTERNAL,
                    "the order could not be placed because of a server fault; nothing was placed, send it again")));
      }
    }
    ticket.answer().complete(outcomes);
  }

  /**
   * The kind of fault, never its message: messages of database errors can quote the order's values.
   */
  private static String rootCause(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return t.getClass().getSimpleName()
        + (root == t
            ? ""
            : " caused by "
                + root.getClass().getSimpleName()
                + (root instanceof java.sql.SQLException sql
                    ? " SQLState " + sql.getSQLState()
                    : ""));
  }
}
