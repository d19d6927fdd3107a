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
  public static final Set<String> OUTCOMES =
      Set.of(
          "SUBMITTED",
          "OPEN",
          "TRIGGER_PENDING",
          "COMPLETE",
          "PENDING_APPROVAL",
          "CANCELLED",
          "REJECTED");

  public static final int MAX_KEPT_PROBLEMS = 10_000;

  /**
   * What a check found. {@code invalidRows} counts rows, {@code problems} lists (some of) their
   * problems.
   */
  public record Summary(
      HeaderMap header,
      int orderRows,
      int validRows,
      int invalidRows,
      int handledRows,
      List<RowProblem> problems,
      int problemCount) {}

  private SheetCheck() {}

  public static Summary run(Path file, String sheetName, Consumer<OrderRow> valid)
      throws WorkbookRejected {
    Counter counter = new Counter(valid);
    Visit visit = visit(file, sheetName, counter);
    return new Summary(
        visit.header(),
        visit.orderRows(),
        counter.validRows,
        counter.invalid,
        visit.handledRows(),
        List.copyOf(counter.problems),
        counter.problemCount);
  }

  /**
   * Sees each order row that may still be sent (not a note, not handled), with the outcome of its
   * check.
   */
  public interface RowVisitor {
    void unhandled(SheetRow row, RowValidator.Result check);
  }

  /** What a visit counted: every order row, and those already handled. */
  public record Visit(HeaderMap header, int orderRows, int handledRows) {}

  /**
   * Streams the sheet, skipping notes and handled rows, and checks the rest: the one walk validate
   * and submit share.
   */
  public static Visit visit(Path file, String sheetName, RowVisitor visitor)
      throws WorkbookRejected {
    int[] counts = new int[2];
    HeaderMap[] seen = new HeaderMap[1];
    HeaderMap header =
        OrderSheetReader.read(
            file,
            sheetName,
            new OrderSheetReader.RowSink() {
              @Override
              public void header(HeaderMap header) {
                seen[0] = header;
              }

              @Override
              public void row(SheetRow row) {
                if (!row.isOrder()) {
                  return;
                }
                counts[0]++;
                if (isHandled(row)) {
                  counts[1]++;
                  return;
                }
                visitor.unhandled(row, RowValidator.check(row, seen[0]));
              }
            });
    requireOrderColumns(header, sheetName);
    return new Visit(header, counts[0], counts[1]);
  }

  /** A sheet whose header lacks a column every order needs cannot be checked row by row. */
  private static void requireOrderColumns(HeaderMap header, String sheetName)
      throws WorkbookRejected {
    if (!header.missingRequired().isEmpty()) {
      throw new WorkbookRejected(
          "the header in row "
              + header.headerRow()
              + " of '"
              + sheetName
              + "' lacks "
              + String.join(", ", header.missingRequired().stream().map(Column::header).toList())
              + " (headers match ignoring case, spaces, '_' and '-')");
    }
  }

  public static boolean isHandled(SheetRow row) {
    CellValue status = row.get(Column.STATUS);
    return status != null
        && !status.isBlank()
        && OUTCOMES.contains(status.raw().strip().toUpperCase(Locale.ROOT));
  }

  private static final class Counter implements RowVisitor {
    private final Consumer<OrderRow> valid;
    private final List<RowProblem> problems = new ArrayList<>();
    private int invalid;
    private int problemCount;
    private int validRows;

    Counter(Consumer<OrderRow> valid) {
      this.valid = valid;
    }

    @Override
    public void unhandled(SheetRow row, RowValidator.Result result) {
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
