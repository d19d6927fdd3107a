package io.tradebridge.orders.boundary;

import io.tradebridge.common.control.ProblemCode;
import io.tradebridge.common.control.TradebridgeException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Where request threads hand their orders to the {@link OrderDesk} and wait for the answer. A plain
 * CDI bean: every order passes through here, and a call through the EJB container cost more than
 * the hand-over itself. The desk (an EJB, for its thread and its start and stop) takes from it.
 */
@ApplicationScoped
public class OrderDeskQueue {

  /** Orders handed in together, answered together. */
  record Ticket(List<Attempt> attempts, CompletableFuture<List<Outcome>> answer) {}

  private final BlockingQueue<Ticket> queue = new LinkedBlockingQueue<>();
  private volatile boolean open = true;

  /**
   * Places the attempts, in order, and waits until they are committed.
   *
   * @return one outcome per attempt, in the same order
   */
  public List<Outcome> place(List<Attempt> attempts) {
    if (attempts.isEmpty()) {
      return List.of();
    }
    if (!open) {
      throw stopping();
    }
    Ticket ticket = new Ticket(List.copyOf(attempts), new CompletableFuture<>());
    queue.add(ticket);
    return ticket.answer().join();
  }

  Ticket poll(long millis) throws InterruptedException {
    return queue.poll(millis, TimeUnit.MILLISECONDS);
  }

  Ticket peek() {
    return queue.peek();
  }

  Ticket poll() {
    return queue.poll();
  }

  boolean isOpen() {
    return open;
  }

  boolean isEmpty() {
    return queue.isEmpty();
  }

  /** No new orders from now on. */
  void close() {
    open = false;
  }

  /** Answers every ticket still waiting "not placed, the server is stopping". */
  void answerWaitingNotPlaced() {
    Ticket left;
    while ((left = queue.poll()) != null) {
      left.answer().complete(notPlaced(left.attempts().size(), stopping()));
    }
  }

  static List<Outcome> notPlaced(int count, TradebridgeException why) {
    List<Outcome> outcomes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      outcomes.add(Outcome.refused(why));
    }
    return outcomes;
  }

  static TradebridgeException stopping() {
    return new TradebridgeException(
        ProblemCode.INTERNAL, "the server is stopping; the order was not placed, send it again");
  }
}
