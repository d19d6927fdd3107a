package io.tradebridge.stream.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class OutboxTest {

  /** A socket whose reader reads only when told to. */
  private static final class SlowWire implements Outbox.Wire {
    final List<String> delivered = new ArrayList<>();
    Consumer<Throwable> pending;

    @Override
    public void send(String text, Consumer<Throwable> done) {
      delivered.add(text);
      pending = done;
    }

    void read() {
      Consumer<Throwable> done = pending;
      pending = null;
      done.accept(null);
    }
  }

  private static Push quote(String symbol, String price) {
    return new Push("quote|NSE|" + symbol, "quote", symbol + "@" + price);
  }

  private static String write(Push p) {
    return String.valueOf(p.payload());
  }

  @Test
  void aSlowReaderGetsTheLatestPriceNotEveryPriceItMissed() {
    SlowWire wire = new SlowWire();
    Outbox outbox = new Outbox(wire, OutboxTest::write, 10);
    outbox.offer(quote("SBIN", "800"));
    for (int i = 1; i <= 1000; i++) {
      outbox.offer(quote("SBIN", String.valueOf(800 + i)));
      outbox.offer(quote("INFY", String.valueOf(1500 + i)));
    }
    assertEquals(2, outbox.waiting(), "one waiting value per instrument, however slow the reader");
    wire.read();
    wire.read();
    wire.read();
    assertEquals(List.of("SBIN@800", "SBIN@1800", "INFY@2500"), wire.delivered);
    assertEquals(0, outbox.waiting());
  }

  @Test
  void tooManyDifferentThingsWaitingMeansTheStreamShouldClose() {
    SlowWire wire = new SlowWire();
    Outbox outbox = new Outbox(wire, OutboxTest::write, 3);
    assertTrue(outbox.offer(quote("A", "1")), "on the wire at once");
    assertTrue(outbox.offer(quote("B", "1")));
    assertTrue(outbox.offer(quote("C", "1")));
    assertTrue(outbox.offer(quote("D", "1")));
    assertTrue(outbox.offer(quote("B", "2")), "a newer value of a waiting thing still fits");
    assertFalse(outbox.offer(quote("E", "1")));
    assertEquals(3, outbox.waiting());
  }

  @Test
  void aWireThatSendsAtOnceDoesNotRecurse() {
    List<String> delivered = new ArrayList<>();
    Outbox outbox =
        new Outbox(
            (text, done) -> {
              delivered.add(text);
              done.accept(null);
            },
            OutboxTest::write,
            1_000_000);
    // Queue many while the first is "on the wire", then let them all go in one pump.
    for (int i = 0; i < 200_000; i++) {
      outbox.offer(new Push("order|" + i, "order", "o" + i));
    }
    assertEquals(200_000, delivered.size());
    assertEquals("o199999", delivered.get(199_999));
    assertEquals(200_000, outbox.sent());
  }

  @Test
  void aFailedSendBreaksTheStreamAndDropsWhatWaited() {
    SlowWire wire = new SlowWire();
    Outbox outbox = new Outbox(wire, OutboxTest::write, 10);
    outbox.offer(quote("A", "1"));
    outbox.offer(quote("B", "1"));
    wire.pending.accept(new java.io.IOException("reset by peer"));
    assertTrue(outbox.broken());
    assertEquals(0, outbox.waiting());
    assertFalse(outbox.offer(quote("C", "1")));
  }

  @Test
  void oneUpdateIsWrittenOnceForEveryStreamItGoesTo() {
    int[] writes = {0};
    Push tick = quote("SBIN", "801");
    for (int stream = 0; stream < 50; stream++) {
      new Outbox(
              (text, done) -> done.accept(null),
              p -> {
                writes[0]++;
                return write(p);
              },
              10)
          .offer(tick);
    }
    assertEquals(1, writes[0]);
  }

  @Test
  void aReaderThatStoppedReadingShowsAsStalled() throws Exception {
    SlowWire wire = new SlowWire();
    Outbox outbox = new Outbox(wire, OutboxTest::write, 10);
    assertEquals(0, outbox.stalledNanos(), "nothing on the wire");
    outbox.offer(quote("A", "1"));
    Thread.sleep(20);
    assertTrue(outbox.stalledNanos() >= 20_000_000L);
    wire.read();
    assertEquals(0, outbox.stalledNanos());
  }
}
