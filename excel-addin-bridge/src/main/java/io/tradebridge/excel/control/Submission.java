package io.tradebridge.excel.control;

import io.tradebridge.excel.entity.CellValue;
import io.tradebridge.excel.entity.Column;
import io.tradebridge.excel.entity.Outgoing;
import io.tradebridge.excel.entity.RowProblem;
import io.tradebridge.excel.entity.RowResult;
import io.tradebridge.excel.entity.SendResult;
import io.tradebridge.excel.entity.WorkbookRejected;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Collectors;

/**
 * {@code submit}: checks every row that may still be sent, gives each its client order id, sends
 * the valid ones in batches and writes each row's result back (WORKBOOK.md). The order of things is
 * what makes it safe: the workbook id is saved before any order derived from it leaves; results and
 * the ledger of sent ids are saved together, every few seconds and at the end.
 */
public final class Submission {

  /**
   * How a run behaves; {@link #defaults(String)} is the command line's.
   *
   * @param maxOrderRows more order rows than this refuse the workbook (0: no limit)
   */
  public record Options(
      String sheet,
      boolean dryRun,
      boolean keepBackup,
      Duration saveEvery,
      Duration giveUpAfter,
      int maxOrderRows) {

    /**
     * How often results are saved during a long run. A crash between saves loses no order and no
     * result for good: the next run resends those rows under the same ids and writes the server's
     * answers. Every save costs a pass over the sheet, so a 10,000-row run is not interrupted for
     * one.
     */
    public static final Duration SAVE_EVERY = Duration.ofSeconds(10);

    public static Options defaults(String sheet) {
      return new Options(sheet, false, true, SAVE_EVERY, Duration.ofMinutes(2), 0);
    }
  }

  /** Told how far a run has come: the progress bar on a terminal. */
  public interface Progress {
    Progress NONE = new Progress() {};

    default void start(int rowsToSend) {}

    default void advance(int rowsDone) {}

    default void waiting(long seconds) {}
  }

  /**
   * What a run did.
   *
   * @param repeats rows the server recognised by their client order id (already placed: nothing
   *     new)
   * @param savedTo where the results are, null for a dry run
   */
  public record Report(
      int orderRows,
      int alreadyHandled,
      int invalid,
      int sent,
      int placed,
      int held,
      int rejected,
      int errors,
      List<RowProblem> problems,
      Path savedTo,
      boolean savedBeside,
      String stoppedBecause,
      List<Outgoing> wouldSend) {

    public int exitCode() {
      if (errors > 0 || stoppedBecause != null) {
        return 2;
      }
      return invalid > 0 || rejected > 0 ? 1 : 0;
    }
  }

  private final Options options;
  private final OrderGateway gateway;
  private final Progress progress;
  private final Clock clock;

  public Submission(Options options, OrderGateway gateway, Progress progress, Clock clock) {
    this.options = options;
    this.gateway = gateway;
    this.progress = progress;
    this.clock = clock;
  }

  /** A row that may be sent: not a note, not already handled. */
  private record Candidate(
      int rowNumber, boolean statusBlank, String ownId, RowValidator.Result check) {}

  public Report run(Path file) throws WorkbookRejected, GatewayFailure {
    List<Candidate> candidates = new ArrayList<>();
    SheetCheck.Visit visit =
        SheetCheck.visit(
            file,
            options.sheet(),
            (row, check) -> {
              CellValue status = row.get(Column.STATUS);
              CellValue own = row.get(Column.CLIENT_ORDER_ID);
              candidates.add(
                  new Candidate(
                      row.rowNumber(),
                      status == null || status.isBlank(),
                      own == null || own.isBlank() ? null : own.raw().strip(),
                      check));
            });
    if (options.maxOrderRows() > 0 && visit.orderRows() > options.maxOrderRows()) {
      throw new WorkbookRejected(
          "the sheet '"
              + options.sheet()
              + "' holds "
              + visit.orderRows()
              + " order rows; at most "
              + options.maxOrderRows()
              + " are taken here");
    }
    try (OrderWorkbook workbook = OrderWorkbook.open(file, options.sheet())) {
      return new Run(workbook, visit.header(), visit.orderRows(), visit.handledRows())
          .send(candidates);
    }
  }

  /** One run over an open workbook. */
  private final class Run {
    private final OrderWorkbook workbook;
    private final int orderRows;
    private final int handled;
    private final List<RowProblem> problems = new ArrayList<>();
    private int invalid;
    private int serverInvalid;
    private int answered;
    private int toSend;
    private int placed;
    private int held;
    private int rejected;
    private int errors;
    private Instant lastSave;
    private Duration lastSaveTook = Duration.ZERO;
    private Path savedTo;

    Run(OrderWorkbook workbook, HeaderMap header, int orderRows, int handled) {
      this.workbook = workbook;
      this.orderRows = orderRows;
      this.handled = handled;
      List<Column> outputs =
          new ArrayList<>(
              List.of(Column.STATUS, Column.ORDER_ID, Column.MESSAGE, Column.SUBMITTED_AT));
      // A fill the answer already carries goes where the sheet has room for it (the template
      // does); the columns themselves are made by `status`, as WORKBOOK.md says.
      for (Column fill : List.of(Column.FILLED_QUANTITY, Column.AVERAGE_PRICE)) {
        header.indexOf(fill).ifPresent(index -> outputs.add(fill));
      }
      workbook.prepareColumns(header, outputs);
    }

    Report send(List<Candidate> candidates) throws GatewayFailure, WorkbookRejected {
      if (!options.dryRun()) {
        gateway.ready();
      }
      boolean needsId = candidates.stream().anyMatch(c -> c.check().valid() && c.ownId() == null);
      String workbookId = workbook.workbookId().orElse(null);
      if (needsId && workbookId == null) {
        workbookId = workbook.assignWorkbookId();
        if (!options.dryRun()) {
          // Before any order derived from it leaves: a crash from here on finds the same id next
          // time.
          saveOrRefuse();
        }
      }
      Deque<Outgoing> queue = new ArrayDeque<>();
      for (Candidate c : candidates) {
        if (!c.check().valid()) {
          invalid++;
          problems.addAll(c.check().problems());
          if (!options.dryRun()) {
            workbook.write(
                c.rowNumber(),
                RowResult.invalid(
                    c.check().problems().stream()
                        .map(
                            p ->
                                p.column()
                                    + (p.cell() == null ? "" : " (" + p.cell() + ")")
                                    + ": "
                                    + p.message())
                        .collect(Collectors.joining("; "))));
          }
          continue;
        }
        Outgoing outgoing = idFor(c, workbookId);
        if (outgoing == null) {
          invalid++;
          RowProblem problem =
              new RowProblem(
                  c.rowNumber(),
                  Column.CLIENT_ORDER_ID.header(),
                  null,
                  "too long to send again under a new generation; give the row a shorter ClientOrderId");
          problems.add(problem);
          if (!options.dryRun()) {
            workbook.write(
                c.rowNumber(), RowResult.invalid(problem.column() + ": " + problem.message()));
          }
          continue;
        }
        queue.add(outgoing);
      }
      if (options.dryRun()) {
        return report(queue.size(), null, List.copyOf(queue));
      }
      if (queue.isEmpty() && invalid == 0) {
        // Nothing to send and nothing to mark: the workbook and its backup stay as they are.
        return report(0, null, List.of());
      }
      toSend = queue.size();
      progress.start(toSend);
      lastSave = clock.instant();
      String stopped = null;
      try {
        stopped = drain(queue);
      } finally {
        savedTo = save();
      }
      return report(0, stopped, List.of());
    }

    /**
     * The row's id for this run (WORKBOOK.md, "Never twice"); null when the trader's id cannot grow
     * a generation.
     */
    private Outgoing idFor(Candidate c, String workbookId) {
      String key = ClientIds.ledgerKey(c.ownId(), c.rowNumber());
      SentLedger.Entry last = workbook.ledger().get(key).orElse(null);
      // No record: never sent, or sent and never saved (a crash) — the same id, so the server
      // recognises it.
      // A record with an outcome and the Status cleared: the trader asks for it again — the next
      // generation.
      int generation =
          last == null
              ? 1
              : last.hadOutcome() && c.statusBlank() ? last.generation() + 1 : last.generation();
      String id =
          c.ownId() != null
              ? ClientIds.own(c.ownId(), generation)
              : ClientIds.derived(workbookId, workbook.sheetName(), c.rowNumber(), generation);
      return id == null ? null : new Outgoing(c.check().order(), id, key, generation);
    }

    /**
     * Sends until the queue is empty; returns why it stopped early, or null. When the gateway may
     * be called from any thread, a sender thread keeps the server busy with the next batches while
     * this thread writes answered ones into the workbook and saves it: the server's work and ours
     * overlap instead of taking turns. What was sent but not yet written when a run dies is safe:
     * its ids make the next run's resend place nothing.
     */
    private String drain(Deque<Outgoing> queue) throws GatewayFailure {
      Sending sending = new Sending(queue);
      if (!gateway.callableFromAnyThread()) {
        sending.run(this::take);
        return stoppedBecause(sending);
      }
      BlockingQueue<Event> answered = new ArrayBlockingQueue<>(AHEAD);
      Thread sender =
          new Thread(
              () ->
                  sending.run(
                      event -> {
                        try {
                          answered.put(event);
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                          sending.stop();
                        }
                      }),
              "tradebridge-sender");
      sender.setDaemon(true);
      sender.start();
      try {
        while (true) {
          Event event = answered.take();
          if (event instanceof Event.End) {
            break;
          }
          take(event);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while sending", e);
      } finally {
        sending.stop();
        sender.interrupt();
      }
      return stoppedBecause(sending);
    }

    private String stoppedBecause(Sending sending) throws GatewayFailure {
      if (sending.crash != null) {
        throw sending.crash;
      }
      if (sending.failure != null) {
        throw sending.failure;
      }
      return sending.unreachable;
    }

    /**
     * Writes one event of the sending loop into the workbook; runs on this (the workbook's) thread.
     */
    private void take(Event event) {
      if (event instanceof Event.Answered a) {
        for (int i = 0; i < a.rows().size(); i++) {
          apply(a.rows().get(i), a.results().get(i));
        }
        progress.advance(answered);
        if (answered < toSend) {
          // After the last answer the final save follows at once; an interim one then would only
          // double it.
          maybeSave();
        }
      } else if (event instanceof Event.GaveUp g) {
        for (Outgoing o : g.rows()) {
          errors++;
          record(
              o,
              RowResult.error(
                  "still rate-limited after "
                      + options.giveUpAfter().toSeconds()
                      + " s; run submit again to send it (its id makes that safe)"),
              false);
        }
      } else if (event instanceof Event.Unreachable u) {
        for (Outgoing o : u.rows()) {
          errors++;
          record(o, RowResult.error("not sent: " + u.why()), true);
        }
      }
    }

    private void apply(Outgoing o, SendResult r) {
      // The time as the trader's clock shows it: an Excel date-time has no zone.
      LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), clock.getZone());
      switch (r.status()) {
        case 200, 201 -> {
          SendResult.OrderState order = r.order();
          if (order != null && "REJECTED".equals(order.status())) {
            rejected++;
            record(
                o, new RowResult("REJECTED", r.orderId(), order.message(), now, null, null), true);
          } else if (order != null && SheetCheck.OUTCOMES.contains(order.status())) {
            // Where the order stands already (a MARKET order on paper has filled): shown at
            // once, not "SUBMITTED" until a status run.
            placed++;
            record(
                o,
                new RowResult(
                    order.status(),
                    r.orderId(),
                    r.note() != null ? r.note() : order.message(),
                    now,
                    order.filledQuantity(),
                    order.averagePrice()),
                true);
          } else {
            placed++;
            record(o, RowResult.sent("SUBMITTED", r.orderId(), r.note(), now), true);
          }
        }
        case 202 -> {
          held++;
          record(
              o,
              RowResult.sent(
                  "PENDING_APPROVAL",
                  null,
                  "waiting for approval in the action center (action " + r.actionId() + ")",
                  now),
              true);
        }
        case 400 -> {
          invalid++;
          serverInvalid++;
          problems.add(new RowProblem(o.order().rowNumber(), "server", null, r.detail()));
          record(o, new RowResult("INVALID", null, r.detail(), now, null, null), false);
        }
        default -> {
          if (r.status() >= 500) {
            errors++;
            record(o, new RowResult("ERROR", null, r.detail(), now, null, null), true);
          } else {
            rejected++;
            record(o, new RowResult("REJECTED", null, r.detail(), now, null, null), true);
          }
        }
      }
    }

    /**
     * Writes the row's result; {@code ledger} when the order may have reached the server under its
     * id.
     */
    private void record(Outgoing o, RowResult result, boolean ledger) {
      answered++;
      workbook.write(o.order().rowNumber(), result);
      if (ledger) {
        workbook
            .ledger()
            .put(
                o.ledgerKey(), o.clientOrderId(), o.generation(), result.status(), clock.instant());
      }
    }

    /**
     * Saves every {@link Options#saveEvery()}, or, for a workbook so large that a save takes more
     * than a quarter of that, every four save-times: a run spends at most a fifth of its time
     * saving.
     */
    private void maybeSave() {
      Duration every = options.saveEvery();
      if (lastSaveTook.multipliedBy(4).compareTo(every) > 0) {
        every = lastSaveTook.multipliedBy(4);
      }
      if (Duration.between(lastSave, clock.instant()).compareTo(every) >= 0) {
        savedTo = save();
      }
    }

    private Path save() {
      try {
        Instant started = clock.instant();
        Path path = workbook.save(options.keepBackup());
        lastSave = clock.instant();
        lastSaveTook = Duration.between(started, lastSave);
        return path;
      } catch (IOException e) {
        throw new ResultsNotSaved(e);
      }
    }

    private void saveOrRefuse() throws WorkbookRejected {
      try {
        workbook.saveWorkbookId(options.keepBackup());
      } catch (IOException e) {
        throw new WorkbookRejected(
            "cannot save the workbook id into the workbook ("
                + Messages.brief(e)
                + "); nothing was sent. Close it in Excel and run submit again",
            e);
      }
    }

    private Report report(int wouldSend, String stopped, List<Outgoing> rowsToSend) {
      return new Report(
          orderRows,
          handled,
          invalid,
          options.dryRun() ? wouldSend : placed + held + rejected + serverInvalid,
          placed,
          held,
          rejected,
          errors,
          List.copyOf(problems),
          savedTo,
          workbook.savedBeside(),
          stopped,
          rowsToSend);
    }
  }

  /** How many answered batches may wait for the workbook's thread before the sender waits too. */
  private static final int AHEAD = 2;

  /** What the sending loop reports, in order, to the thread that writes the workbook. */
  private sealed interface Event {
    /** Rows the server answered (rate-limited ones are not here: they went back to the queue). */
    record Answered(List<Outgoing> rows, List<SendResult> results) implements Event {}

    /** Rows still rate-limited when the run gave up waiting. */
    record GaveUp(List<Outgoing> rows) implements Event {}

    /** Rows not sent, or sent without an answer, because the server could not be reached. */
    record Unreachable(List<Outgoing> rows, String why) implements Event {}

    record End() implements Event {}
  }

  /**
   * The sending loop: batches of up to 500, fewer after a rate limit (about what the limit let
   * through, doubling again while nothing is refused), a wait of Retry-After between, and a give-up
   * after {@link Options#giveUpAfter()}. Always ends with {@link Event.End}.
   */
  private final class Sending {
    private final Deque<Outgoing> queue;
    private volatile boolean stopped;
    private GatewayFailure failure;
    private RuntimeException crash;
    private String unreachable;

    Sending(Deque<Outgoing> queue) {
      this.queue = queue;
    }

    void stop() {
      stopped = true;
    }

    void run(java.util.function.Consumer<Event> out) {
      try {
        send(out);
      } catch (RuntimeException e) {
        // Thrown on the sender's thread, reported on the workbook's, as if sent from there.
        crash = e;
      } finally {
        out.accept(new Event.End());
      }
    }

    private void send(java.util.function.Consumer<Event> out) {
      int batchSize = OrderGateway.MAX_BATCH;
      Instant giveUpAt = clock.instant().plus(options.giveUpAfter());
      long waitSeconds = 0;
      while (!queue.isEmpty() && !stopped) {
        if (waitSeconds > 0) {
          if (clock.instant().plusSeconds(waitSeconds).isAfter(giveUpAt)) {
            out.accept(new Event.GaveUp(new ArrayList<>(queue)));
            queue.clear();
            return;
          }
          progress.waiting(waitSeconds);
          pause(waitSeconds);
          waitSeconds = 0;
        }
        List<Outgoing> batch = new ArrayList<>();
        while (!queue.isEmpty() && batch.size() < batchSize) {
          batch.add(queue.poll());
        }
        List<SendResult> results;
        try {
          results = gateway.send(batch);
        } catch (GatewayFailure f) {
          switch (f.kind()) {
            case RATE_LIMITED -> {
              requeueFirst(queue, batch);
              waitSeconds = Math.max(1, f.retryAfterSeconds());
              continue;
            }
            case UNREACHABLE -> {
              List<Outgoing> rows = new ArrayList<>(batch);
              rows.addAll(queue);
              queue.clear();
              unreachable = f.getMessage();
              out.accept(new Event.Unreachable(rows, f.getMessage()));
              return;
            }
            default -> {
              failure = f;
              return;
            }
          }
        }
        List<Outgoing> rows = new ArrayList<>(batch.size());
        List<SendResult> answers = new ArrayList<>(batch.size());
        List<Outgoing> limited = new ArrayList<>();
        long retryAfter = 0;
        for (int i = 0; i < batch.size(); i++) {
          SendResult result = results.get(i);
          if (result.rateLimited()) {
            limited.add(batch.get(i));
            retryAfter =
                Math.max(retryAfter, result.retryAfter() == null ? 1 : result.retryAfter());
          } else {
            rows.add(batch.get(i));
            answers.add(result);
          }
        }
        if (!limited.isEmpty()) {
          requeueFirst(queue, limited);
          // Send about what the limit let through, so that the next batch is not mostly refused
          // again.
          batchSize = Math.max(1, rows.size());
          waitSeconds = Math.max(1, retryAfter);
        } else if (batchSize < OrderGateway.MAX_BATCH) {
          batchSize = Math.min(OrderGateway.MAX_BATCH, batchSize * 2);
        }
        out.accept(new Event.Answered(rows, answers));
      }
    }
  }

  /** Puts rows back at the head of the queue in their order: they go first when sending resumes. */
  private static void requeueFirst(Deque<Outgoing> queue, List<Outgoing> rows) {
    for (int i = rows.size() - 1; i >= 0; i--) {
      queue.addFirst(rows.get(i));
    }
  }

  private static void pause(long seconds) {
    try {
      Thread.sleep(seconds * 1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the rate limit", e);
    }
  }

  /**
   * Results that could not be written anywhere: the caller reports it; the orders' ids keep a rerun
   * safe.
   */
  public static final class ResultsNotSaved extends RuntimeException {
    ResultsNotSaved(IOException cause) {
      super(
          "could not save the results ("
              + Messages.brief(cause)
              + "); the orders sent are safe to send again",
          cause);
    }
  }
}
