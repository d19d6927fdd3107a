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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code submit}: checks every row that may still be sent, gives each its client order id, sends the
 * valid ones in batches and writes each row's result back (WORKBOOK.md). The order of things is what
 * makes it safe: the workbook id is saved before any order derived from it leaves; results and the
 * ledger of sent ids are saved together, every few seconds and at the end.
 */
public final class Submission {

  /**
   * How a run behaves; {@link #defaults(String)} is the command line's.
   *
   * @param maxOrderRows more order rows than this refuse the workbook (0: no limit)
   */
  public record Options(String sheet, boolean dryRun, boolean keepBackup, Duration saveEvery, Duration giveUpAfter,
      int maxOrderRows) {

    public static Options defaults(String sheet) {
      return new Options(sheet, false, true, Duration.ofSeconds(5), Duration.ofMinutes(2), 0);
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
   * @param repeats rows the server recognised by their client order id (already placed: nothing new)
   * @param savedTo where the results are, null for a dry run
   */
  public record Report(int orderRows, int alreadyHandled, int invalid, int sent, int placed, int held, int rejected,
      int errors, List<RowProblem> problems, Path savedTo, boolean savedBeside, String stoppedBecause) {

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
  private record Candidate(int rowNumber, boolean statusBlank, String ownId, RowValidator.Result check) {}

  public Report run(Path file) throws WorkbookRejected, GatewayFailure {
    List<Candidate> candidates = new ArrayList<>();
    SheetCheck.Visit visit = SheetCheck.visit(file, options.sheet(), (row, check) -> {
      CellValue status = row.get(Column.STATUS);
      CellValue own = row.get(Column.CLIENT_ORDER_ID);
      candidates.add(new Candidate(row.rowNumber(), status == null || status.isBlank(),
          own == null || own.isBlank() ? null : own.raw().strip(), check));
    });
    if (options.maxOrderRows() > 0 && visit.orderRows() > options.maxOrderRows()) {
      throw new WorkbookRejected("the sheet '" + options.sheet() + "' holds " + visit.orderRows() + " order rows; at most "
          + options.maxOrderRows() + " are taken here");
    }
    try (OrderWorkbook workbook = OrderWorkbook.open(file, options.sheet())) {
      return new Run(workbook, visit.header(), visit.orderRows(), visit.handledRows()).send(candidates);
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
    private int placed;
    private int held;
    private int rejected;
    private int errors;
    private Instant lastSave;
    private Path savedTo;

    Run(OrderWorkbook workbook, HeaderMap header, int orderRows, int handled) {
      this.workbook = workbook;
      this.orderRows = orderRows;
      this.handled = handled;
      workbook.prepareColumns(header, List.of(Column.STATUS, Column.ORDER_ID, Column.MESSAGE, Column.SUBMITTED_AT));
    }

    Report send(List<Candidate> candidates) throws GatewayFailure, WorkbookRejected {
      boolean needsId = candidates.stream().anyMatch(c -> c.check().valid() && c.ownId() == null);
      String workbookId = workbook.workbookId().orElse(null);
      if (needsId && workbookId == null) {
        workbookId = workbook.assignWorkbookId();
        if (!options.dryRun()) {
          // Before any order derived from it leaves: a crash from here on finds the same id next time.
          saveOrRefuse();
        }
      }
      Deque<Outgoing> queue = new ArrayDeque<>();
      for (Candidate c : candidates) {
        if (!c.check().valid()) {
          invalid++;
          problems.addAll(c.check().problems());
          if (!options.dryRun()) {
            workbook.write(c.rowNumber(), RowResult.invalid(c.check().problems().stream()
                .map(p -> p.column() + (p.cell() == null ? "" : " (" + p.cell() + ")") + ": " + p.message())
                .collect(Collectors.joining("; "))));
          }
          continue;
        }
        Outgoing outgoing = idFor(c, workbookId);
        if (outgoing == null) {
          invalid++;
          RowProblem problem = new RowProblem(c.rowNumber(), Column.CLIENT_ORDER_ID.header(), null,
              "too long to send again under a new generation; give the row a shorter ClientOrderId");
          problems.add(problem);
          if (!options.dryRun()) {
            workbook.write(c.rowNumber(), RowResult.invalid(problem.column() + ": " + problem.message()));
          }
          continue;
        }
        queue.add(outgoing);
      }
      if (options.dryRun()) {
        return report(queue.size(), null);
      }
      progress.start(queue.size());
      lastSave = clock.instant();
      String stopped = null;
      try {
        stopped = drain(queue);
      } finally {
        savedTo = save();
      }
      return report(0, stopped);
    }

    /** The row's id for this run (WORKBOOK.md, "Never twice"); null when the trader's id cannot grow a generation. */
    private Outgoing idFor(Candidate c, String workbookId) {
      String key = ClientIds.ledgerKey(c.ownId(), c.rowNumber());
      SentLedger.Entry last = workbook.ledger().get(key).orElse(null);
      // No record: never sent, or sent and never saved (a crash) — the same id, so the server recognises it.
      // A record with an outcome and the Status cleared: the trader asks for it again — the next generation.
      int generation = last == null ? 1 : last.hadOutcome() && c.statusBlank() ? last.generation() + 1
          : last.generation();
      String id = c.ownId() != null ? ClientIds.own(c.ownId(), generation)
          : ClientIds.derived(workbookId, workbook.sheetName(), c.rowNumber(), generation);
      return id == null ? null : new Outgoing(c.check().order(), id, key, generation);
    }

    /** Sends until the queue is empty; returns why it stopped early, or null. */
    private String drain(Deque<Outgoing> queue) throws GatewayFailure {
      int batchSize = OrderGateway.MAX_BATCH;
      Instant giveUpAt = clock.instant().plus(options.giveUpAfter());
      long waitSeconds = 0;
      while (!queue.isEmpty()) {
        if (waitSeconds > 0) {
          if (clock.instant().plusSeconds(waitSeconds).isAfter(giveUpAt)) {
            for (Outgoing o : queue) {
              errors++;
              record(o, RowResult.error("still rate-limited after " + options.giveUpAfter().toSeconds()
                  + " s; run submit again to send it (its id makes that safe)"), false);
            }
            queue.clear();
            break;
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
        } catch (GatewayFailure failure) {
          switch (failure.kind()) {
            case RATE_LIMITED -> {
              requeueFirst(queue, batch);
              waitSeconds = Math.max(1, failure.retryAfterSeconds());
              continue;
            }
            case UNREACHABLE -> {
              queue.addAll(batch);
              for (Outgoing o : queue) {
                errors++;
                record(o, RowResult.error("not sent: " + failure.getMessage()), true);
              }
              queue.clear();
              return failure.getMessage();
            }
            default -> throw failure;
          }
        }
        int accepted = 0;
        long retryAfter = 0;
        List<Outgoing> limited = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
          SendResult result = results.get(i);
          if (result.rateLimited()) {
            limited.add(batch.get(i));
            retryAfter = Math.max(retryAfter, result.retryAfter() == null ? 1 : result.retryAfter());
          } else {
            accepted++;
            apply(batch.get(i), result);
          }
        }
        if (!limited.isEmpty()) {
          requeueFirst(queue, limited);
          // Send about what the limit let through, so that the next batch is not mostly refused again.
          batchSize = Math.max(1, accepted);
          waitSeconds = Math.max(1, retryAfter);
        } else if (batchSize < OrderGateway.MAX_BATCH) {
          batchSize = Math.min(OrderGateway.MAX_BATCH, batchSize * 2);
        }
        progress.advance(answered);
        maybeSave();
      }
      return null;
    }

    private void apply(Outgoing o, SendResult r) {
      Instant now = clock.instant();
      switch (r.status()) {
        case 200, 201 -> {
          placed++;
          record(o, RowResult.sent("SUBMITTED", r.orderId(), null, now), true);
        }
        case 202 -> {
          held++;
          record(o, RowResult.sent("PENDING_APPROVAL", null, "waiting for approval in the action center (action "
              + r.actionId() + ")", now), true);
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

    /** Writes the row's result; {@code ledger} when the order may have reached the server under its id. */
    private void record(Outgoing o, RowResult result, boolean ledger) {
      answered++;
      workbook.write(o.order().rowNumber(), result);
      if (ledger) {
        workbook.ledger().put(o.ledgerKey(), o.clientOrderId(), o.generation(), result.status(), clock.instant());
      }
    }

    private void maybeSave() {
      if (Duration.between(lastSave, clock.instant()).compareTo(options.saveEvery()) >= 0) {
        savedTo = save();
      }
    }

    private Path save() {
      try {
        Path path = workbook.save(options.keepBackup());
        lastSave = clock.instant();
        return path;
      } catch (IOException e) {
        throw new ResultsNotSaved(e);
      }
    }

    private void saveOrRefuse() throws WorkbookRejected {
      try {
        workbook.saveWorkbookId(options.keepBackup());
      } catch (IOException e) {
        throw new WorkbookRejected("cannot save the workbook id into the workbook (" + Messages.brief(e)
            + "); nothing was sent. Close it in Excel and run submit again", e);
      }
    }

    private Report report(int wouldSend, String stopped) {
      return new Report(orderRows, handled, invalid, options.dryRun() ? wouldSend : placed + held + rejected
          + serverInvalid, placed, held,
          rejected, errors, List.copyOf(problems), savedTo, workbook.savedBeside(), stopped);
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

  /** Results that could not be written anywhere: the caller reports it; the orders' ids keep a rerun safe. */
  public static final class ResultsNotSaved extends RuntimeException {
    ResultsNotSaved(IOException cause) {
      super("could not save the results (" + Messages.brief(cause) + "); the orders sent are safe to send again",
          cause);
    }
  }
}
