package io.tradebridge.excel.control;

import io.tradebridge.excel.entity.Column;
import io.tradebridge.excel.entity.RowResult;
import io.tradebridge.excel.entity.WorkbookRejected;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.poi.hpsf.CustomProperties;
import org.apache.poi.hpsf.DocumentSummaryInformation;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.xmlbeans.XmlException;

/**
 * An order workbook opened for writing results back (WORKBOOK.md, "Writing back"), so that
 * formulas, formatting, other sheets and unknown columns survive untouched: an {@code .xlsx} keeps
 * its results here and is rewritten by streaming at each save ({@link XlsxRewrite}), an {@code
 * .xls} is held whole in POI. Also the workbook id in the custom document properties, the {@link
 * SentLedger}, and saving in place atomically, keeping {@code NAME.bak.xlsx}, or into {@code
 * NAME.results.xlsx} when the file cannot be replaced.
 */
public final class OrderWorkbook implements Closeable {

  public static final String ID_PROPERTY = "TradebridgeWorkbookId";

  /**
   * How SubmittedAt reads: the same to a trader in Mumbai and in New York (no day/month guessing),
   * to the second.
   */
  public static final String DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm:ss";

  /** Replaces a file's content; {@link AtomicWrite#replace} outside tests. */
  interface Replacer {
    void replace(Path target, AtomicWrite.Content content) throws IOException;
  }

  private final Path file;

  /**
   * The whole workbook for an {@code .xls}; null for an {@code .xlsx}, which is streamed (see
   * {@link XlsxRewrite}).
   */
  private final Workbook workbook;

  private final Sheet sheet;
  private final String sheetName;
  private final SentLedger ledger;

  /**
   * An {@code .xlsx}'s id (null until it has one), results and output columns, written at each
   * save.
   */
  private String streamedId;

  private boolean idUnsaved;
  private final SortedMap<Integer, RowResult> results = new TreeMap<>();
  private HeaderMap header;
  private final List<Column> outputs = new ArrayList<>();
  private final Replacer replacer;
  private final Map<Column, Integer> columns = new EnumMap<>(Column.class);
  private CellStyle problemStyle;
  private CellStyle dateTimeStyle;
  private boolean backedUp;
  private boolean dirty;
  private Path savedTo;

  private OrderWorkbook(Path file, Workbook workbook, Sheet sheet, Replacer replacer) {
    this.file = file;
    this.workbook = workbook;
    this.sheet = sheet;
    this.sheetName = sheet.getSheetName();
    this.replacer = replacer;
    this.ledger = SentLedger.readFrom(workbook);
  }

  private OrderWorkbook(
      Path file, String sheetName, String id, SentLedger ledger, Replacer replacer) {
    this.file = file;
    this.workbook = null;
    this.sheet = null;
    this.sheetName = sheetName;
    this.streamedId = id;
    this.ledger = ledger;
    this.replacer = replacer;
  }

  private boolean streamed() {
    return workbook == null;
  }

  /**
   * An {@code .xlsx}: its id, its ledger and its sheet's name, each read without loading the
   * workbook.
   */
  private static OrderWorkbook openStreamed(Path file, String sheetName, Replacer replacer)
      throws WorkbookRejected {
    String name =
        XlsxStreamer.sheetNames(file).stream()
            .filter(n -> n.equalsIgnoreCase(sheetName))
            .findFirst()
            .orElseThrow(
                () -> new WorkbookRejected("the workbook has no sheet '" + sheetName + "'"));
    String id;
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      POIXMLProperties.CustomProperties custom = new POIXMLProperties(pkg).getCustomProperties();
      id = custom.contains(ID_PROPERTY) ? custom.getProperty(ID_PROPERTY).getLpwstr() : null;
      pkg.revert();
    } catch (IOException | OpenXML4JException | XmlException | RuntimeException e) {
      throw new WorkbookRejected(
          file.getFileName() + " cannot be opened for writing results (" + Messages.brief(e) + ")",
          e);
    }
    return new OrderWorkbook(file, name, id, SentLedger.readFrom(file), replacer);
  }

  /**
   * Opens a workbook the streaming reader has already accepted (so it is neither hostile nor
   * encrypted).
   */
  public static OrderWorkbook open(Path file, String sheetName) throws WorkbookRejected {
    return open(file, sheetName, AtomicWrite::replace);
  }

  static OrderWorkbook open(Path file, String sheetName, Replacer replacer)
      throws WorkbookRejected {
    PoiLimits.apply();
    try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
      if (FileMagic.valueOf(in) == FileMagic.OOXML) {
        return openStreamed(file, sheetName, replacer);
      }
    } catch (IOException e) {
      throw new WorkbookRejected(
          file.getFileName() + " cannot be opened for writing results (" + Messages.brief(e) + ")",
          e);
    }
    Workbook workbook;
    try (InputStream in = Files.newInputStream(file)) {
      workbook = WorkbookFactory.create(in);
    } catch (IOException | RuntimeException e) {
      throw new WorkbookRejected(
          file.getFileName() + " cannot be opened for writing results (" + Messages.brief(e) + ")",
          e);
    }
    Sheet sheet = null;
    for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
      if (workbook.getSheetName(i).equalsIgnoreCase(sheetName)) {
        sheet = workbook.getSheetAt(i);
      }
    }
    if (sheet == null) {
      closeQuietly(workbook);
      throw new WorkbookRejected("the workbook has no sheet '" + sheetName + "'");
    }
    return new OrderWorkbook(file, workbook, sheet, replacer);
  }

  public SentLedger ledger() {
    return ledger;
  }

  public String sheetName() {
    return sheetName;
  }

  /** The id stored in the workbook's custom document properties, if it has one. */
  public Optional<String> workbookId() {
    String id = streamedId;
    if (workbook instanceof HSSFWorkbook h
        && h.getDocumentSummaryInformation() != null
        && h.getDocumentSummaryInformation().getCustomProperties() != null) {
      Object value = h.getDocumentSummaryInformation().getCustomProperties().get(ID_PROPERTY);
      id = value == null ? null : value.toString();
    }
    return Optional.ofNullable(id).filter(s -> s.matches("[0-9a-fA-F-]{32,36}"));
  }

  /**
   * Gives the workbook a new id (a UUID); the caller saves before any order derived from it leaves.
   */
  public String assignWorkbookId() {
    String id = UUID.randomUUID().toString();
    if (streamed()) {
      streamedId = id;
      idUnsaved = true;
    } else if (workbook instanceof HSSFWorkbook h) {
      if (h.getDocumentSummaryInformation() == null) {
        h.createInformationProperties();
      }
      DocumentSummaryInformation summary = h.getDocumentSummaryInformation();
      CustomProperties custom =
          summary.getCustomProperties() == null
              ? new CustomProperties()
              : summary.getCustomProperties();
      custom.put(ID_PROPERTY, id);
      summary.setCustomProperties(custom);
    }
    dirty = true;
    return id;
  }

  /** Finds or creates (right of the header) the output columns a run writes. */
  public void prepareColumns(HeaderMap header, Collection<Column> outputs) {
    if (streamed()) {
      // The columns are placed at the first save, from the header row as it is in the file.
      this.header = header;
      outputs.stream().filter(c -> !this.outputs.contains(c)).forEach(this.outputs::add);
      dirty = true;
      return;
    }
    Row headerRow = sheet.getRow(header.headerRow() - 1);
    if (headerRow == null) {
      headerRow = sheet.createRow(header.headerRow() - 1);
    }
    int next = Math.max(header.lastIndex(), headerRow.getLastCellNum() - 1) + 1;
    for (Column column : outputs) {
      Optional<Integer> existing = header.indexOf(column);
      if (existing.isPresent()) {
        columns.put(column, existing.get());
      } else if (!columns.containsKey(column)) {
        Cell cell = headerRow.createCell(next);
        cell.setCellValue(column.header());
        Cell left = headerRow.getCell(next - 1);
        if (left != null) {
          cell.setCellStyle(left.getCellStyle());
        }
        columns.put(column, next++);
        dirty = true;
      }
    }
  }

  /** Writes a row's results into the prepared output columns. */
  public void write(int rowNumber, RowResult result) {
    if (streamed()) {
      dirty = true;
      results.merge(rowNumber, result, OrderWorkbook::later);
      return;
    }
    Row row = sheet.getRow(rowNumber - 1);
    if (row == null) {
      row = sheet.createRow(rowNumber - 1);
    }
    dirty = true;
    if (result.status() != null) {
      Cell status = set(row, Column.STATUS, result.status());
      style(status, result.isProblem());
      Cell message = set(row, Column.MESSAGE, result.message() == null ? "" : result.message());
      style(message, result.isProblem());
    }
    if (result.orderId() != null) {
      set(row, Column.ORDER_ID, result.orderId());
    }
    if (result.submittedAt() != null) {
      Cell at = cell(row, Column.SUBMITTED_AT);
      at.setCellValue(result.submittedAt());
      at.setCellStyle(dateTimeStyle());
    }
    if (result.filledQuantity() != null && columns.containsKey(Column.FILLED_QUANTITY)) {
      cell(row, Column.FILLED_QUANTITY).setCellValue(result.filledQuantity());
    }
    if (result.averagePrice() != null && columns.containsKey(Column.AVERAGE_PRICE)) {
      cell(row, Column.AVERAGE_PRICE).setCellValue(result.averagePrice().doubleValue());
    }
  }

  /** Two results for one row in one run, as writing both in turn would leave the cells. */
  private static RowResult later(RowResult first, RowResult then) {
    boolean status = then.status() != null;
    return new RowResult(
        status ? then.status() : first.status(),
        then.orderId() != null ? then.orderId() : first.orderId(),
        status ? then.message() : first.message(),
        then.submittedAt() != null ? then.submittedAt() : first.submittedAt(),
        then.filledQuantity() != null ? then.filledQuantity() : first.filledQuantity(),
        then.averagePrice() != null ? then.averagePrice() : first.averagePrice());
  }

  /** What a streamed save writes: the results so far over the file as it is on disk. */
  private void writeStreamed(OutputStream out) throws IOException {
    XlsxRewrite.write(
        file, out, new XlsxRewrite.Plan(sheetName, header, outputs, columns, results, ledger));
  }

  private Cell set(Row row, Column column, String text) {
    Cell cell = cell(row, column);
    if (text.isEmpty()) {
      cell.setBlank();
    } else {
      cell.setCellValue(text);
    }
    return cell;
  }

  private Cell cell(Row row, Column column) {
    Integer index = columns.get(column);
    if (index == null) {
      throw new IllegalStateException(column + " was not prepared");
    }
    Cell cell = row.getCell(index);
    return cell != null ? cell : row.createCell(index);
  }

  /** SubmittedAt as an Excel date-time, shown as {@link #DATE_TIME_FORMAT}. */
  private CellStyle dateTimeStyle() {
    if (dateTimeStyle == null) {
      dateTimeStyle = workbook.createCellStyle();
      dateTimeStyle.setDataFormat(workbook.createDataFormat().getFormat(DATE_TIME_FORMAT));
    }
    return dateTimeStyle;
  }

  private void style(Cell cell, boolean problem) {
    if (problem) {
      if (problemStyle == null) {
        problemStyle = workbook.createCellStyle();
        problemStyle.setFillForegroundColor(IndexedColors.ROSE.getIndex());
        problemStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      }
      cell.setCellStyle(problemStyle);
    } else if (problemStyle != null && cell.getCellStyle().getIndex() == problemStyle.getIndex()) {
      cell.setCellStyle(workbook.getCellStyleAt(0));
    } else if (cell.getCellStyle().getFillPattern() == FillPatternType.SOLID_FOREGROUND
        && cell.getCellStyle().getFillForegroundColor() == IndexedColors.ROSE.getIndex()) {
      // Our colour from an earlier run: a row that succeeds now is no longer marked.
      cell.setCellStyle(workbook.getCellStyleAt(0));
    }
  }

  /**
   * Saves results and ledger: in place (atomically, the previous version kept once per run as
   * {@code NAME.bak.EXT}), or, when the file cannot be replaced, into {@code NAME.results.EXT}.
   *
   * @return where the results are now
   */
  public Path save(boolean keepBackup) throws IOException {
    if (!dirty) {
      return savedTo != null ? savedTo : file;
    }
    dirty = false;
    AtomicWrite.Content content;
    if (streamed()) {
      if (idUnsaved) {
        // The id lives in the document properties, which the streamed save copies as they are on
        // disk.
        saveWorkbookId(keepBackup);
      }
      // In place or beside, the file holds the original and any earlier save's results: all are
      // written again.
      content = this::writeStreamed;
    } else {
      ledger.writeTo(workbook);
      workbook.setForceFormulaRecalculation(true);
      content = workbook::write;
    }
    if (savedTo == null || savedTo.equals(file)) {
      try {
        if (keepBackup && !backedUp) {
          Files.copy(file, sibling("bak"), StandardCopyOption.REPLACE_EXISTING);
          backedUp = true;
        }
        replacer.replace(file, content);
        savedTo = file;
        return savedTo;
      } catch (IOException e) {
        savedTo = sibling("results");
      }
    }
    AtomicWrite.replace(savedTo, content);
    return savedTo;
  }

  /**
   * Saves the id just assigned before any order derived from it leaves (WORKBOOK.md, "Never
   * twice"), in place and atomically, the previous version kept as {@code NAME.bak.EXT}. In an
   * {@code .xlsx} nothing else has changed yet, so only the document properties are rewritten and
   * every other part of the file is copied as it is: a 10,000-row sheet costs a copy, not a second
   * serialisation of the whole workbook before the first order can go. Results still wait for
   * {@link #save}.
   *
   * @throws IOException when the file cannot be replaced (open in Excel): nothing may be sent then
   */
  public void saveWorkbookId(boolean keepBackup) throws IOException {
    String id =
        workbookId().orElseThrow(() -> new IllegalStateException("no workbook id assigned"));
    if (!streamed()) {
      save(keepBackup);
      if (savedBeside()) {
        throw new IOException("the workbook could not be replaced");
      }
      return;
    }
    if (keepBackup && !backedUp) {
      Files.copy(file, sibling("bak"), StandardCopyOption.REPLACE_EXISTING);
      backedUp = true;
    }
    replacer.replace(file, out -> copyWithId(out, id));
    savedTo = file;
    idUnsaved = false;
  }

  /**
   * The file as it is on disk with the workbook id in its custom properties; other parts copied
   * unparsed.
   */
  private void copyWithId(OutputStream out, String id) throws IOException {
    OPCPackage pkg;
    try (InputStream in = Files.newInputStream(file)) {
      pkg = OPCPackage.open(in);
    } catch (InvalidFormatException e) {
      throw new IOException(e);
    }
    try {
      POIXMLProperties properties = new POIXMLProperties(pkg);
      POIXMLProperties.CustomProperties custom = properties.getCustomProperties();
      if (custom.contains(ID_PROPERTY)) {
        custom
            .getUnderlyingProperties()
            .getPropertyList()
            .removeIf(p -> ID_PROPERTY.equals(p.getName()));
      }
      custom.addProperty(ID_PROPERTY, id);
      properties.commit();
      pkg.save(out);
    } catch (OpenXML4JException | XmlException e) {
      throw new IOException(e);
    } finally {
      // Read from a stream into memory: nothing to write back on the way out.
      pkg.revert();
    }
  }

  /** True once a save had to go to {@code NAME.results.EXT}. */
  public boolean savedBeside() {
    return savedTo != null && !savedTo.equals(file);
  }

  public void writeTo(OutputStream out) throws IOException {
    if (streamed()) {
      writeStreamed(out);
      return;
    }
    ledger.writeTo(workbook);
    workbook.setForceFormulaRecalculation(true);
    workbook.write(out);
  }

  private Path sibling(String tag) {
    return AtomicWrite.sibling(file, tag);
  }

  @Override
  public void close() {
    if (workbook != null) {
      closeQuietly(workbook);
    }
  }

  private static void closeQuietly(Workbook workbook) {
    try {
      workbook.close();
    } catch (IOException ignored) {
      // read from memory: nothing to release that matters
    }
  }
}
