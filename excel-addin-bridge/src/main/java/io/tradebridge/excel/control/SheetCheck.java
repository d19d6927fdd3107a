package io.tradebridge.excel.control;

import io.tradebridge.excel.entity.CellValue;
import io.tradebridge.excel.entity.Column;
import io.tradebridge.excel.entity.OrderRow;
import io.tradebridge.excel.entity.RowProblem;
import io.tradebridge.excel.entity.SheetRow;
import io.tradebridge.excel.entity.WorkbookRejected;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a workbook's order sheet and checks every row that may still be sent (WORKBOOK.md): rows
 * without a symbol are notes, rows whose Status holds an outcome were handled. Valid orders go to a
 * consumer as they are read, so a 100,000-row sheet never sits in memory; problems are kept (up to
 * {@link #MAX_KEPT_PROBLEMS}) and all are counted.
 */
public final class SheetCheck {

  /** Outcomes: a row with one of these in Status has been handled and is never sent again. */
  public static final Set<String> OUTCOMES = Set.of("SUBMITTED", "OPEN", "TRIGGER_PENDING", "COMPLETE",
      "PENDING_APPROVAL", "CANCELLED", "REJECTED");
  public static final int MAX_KEPT_PROBLEMS = 10_000;

  /** What a check found. {@code invalidRows} counts rows, {@code problems} lists (some of) their problems. */
  public record Summary(HeaderMap header, int orderRows, int validRows, int invalidRows, int handledRows,
      List<RowProblem> problems, int problemCount) {}

  private SheetCheck() {}

  public static Summary run(Path file, String sheetName, Consumer<OrderRow> valid) throws WorkbookRejected {
    Counter counter = new Counter(valid);
    HeaderMap header = OrderSheetReader.read(file, sheetName, counter);
    requireOrderColumns(header, sheetName);
    return new Summary(header, counter.orders, counter.validRows, counter.invalid, counter.handled,
        List.copyOf(counter.problems), counter.problemCount);
  }

  /** A sheet whose header lacks a column every order needs cannot be checked row by row. */
  static void requireOrderColumns(HeaderMap header, String sheetName) throws WorkbookRejected {
    if (!header.missingRequired().isEmpty()) {
      throw new WorkbookRejected("the header in row " + header.headerRow() + " of '" + sheetName + "' lacks "
          + String.join(", ", header.missingRequired().stream().map(Column::header).toList())
          + " (headers match ignoring case, spaces, '_' and '-')");
    }
  }

  public static boolean isHandled(SheetRow row) {
    CellValue status = row.get(Column.STATUS);
    return status != null && !status.isBlank() && OUTCOMES.contains(status.raw().strip().toUpperCase(Locale.ROOT));
  }

  private static final class Counter implements OrderSheetReader.RowSink {
    private final Consumer<OrderRow> valid;
    private HeaderMap header;
    private final List<RowProblem> problems = new ArrayList<>();
    private int orders;
    private int invalid;
    private int handled;
    private int problemCount;
    private int validRows;

    Counter(Consumer<OrderRow> valid) {
      this.valid = valid;
    }

    @Override
    public void header(HeaderMap header) {
      this.header = header;
    }

    @Override
    public void row(SheetRow row) {
      if (!row.isOrder()) {
        return;
      }
      orders++;
      if (isHandled(row)) {
        handled++;
        return;
      }
      RowValidator.Result result = RowValidator.check(row, header);
      if (result.valid()) {
        validRows++;
        valid.accept(result.order());
      } else {
        invalid++;
        problemCount += result.problems().size();
        for (RowProblem problem : result.problems()) {
          if (problems.size() < MAX_KEPT_PROBLEMS) {
            problems.add(problem);
          }
        }
      }
    }
  }
}
