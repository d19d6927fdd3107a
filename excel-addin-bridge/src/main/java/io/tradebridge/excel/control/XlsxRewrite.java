package io.tradebridge.excel.control;

import io.tradebridge.excel.entity.Column;
import io.tradebridge.excel.entity.RowResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;

/**
 * Writes an {@code .xlsx} back with results by copying it part by part: the order sheet is streamed
 * through with the result cells put in place, the ledger sheet is written anew, the few small parts
 * that name it (workbook, relationships, content types, styles for the problem colour) are edited,
 * and every other part — other sheets, shared strings, charts, macros — is copied as it is. Nothing
 * is parsed into a document model, so a save costs about a copy of the file, and memory does not
 * grow with the sheet (a POI save of a 10,000-row sheet took ~3 s and most of the run's memory).
 */
final class XlsxRewrite {

  static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  private static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  private static final String PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
  private static final String TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types";
  private static final String WORKSHEET_TYPE = REL_NS + "/worksheet";
  private static final String WORKSHEET_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
  private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
  /** Excel's indexed colour "rose" (IndexedColors.ROSE), the colour of a row that needs a look. */
  private static final String ROSE = "45";
  /** Elements that follow calcPr in a workbook (ECMA-376 CT_Workbook order): calcPr goes before the first of them. */
  private static final Set<String> AFTER_CALC_PR = Set.of("oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr",
      "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst");

  /** What a save writes ({@code header} null: no results to place yet). {@code columns} holds the output columns' indices once known (the first save fixes new ones). */
  record Plan(String sheetName, HeaderMap header, List<Column> outputs, Map<Column, Integer> columns,
      SortedMap<Integer, RowResult> results, SentLedger ledger) {}

  private final Plan plan;
  private final ZipFile zip;
  private final XMLInputFactory inputs = XMLHelper.newXMLInputFactory();
  private final XMLOutputFactory outputs = XMLHelper.newXMLOutputFactory();

  private String workbookPart;
  private String workbookRelsPart;
  private String ordersPart;
  private String ledgerPart;
  private boolean ledgerIsNew;
  private String ledgerRelId;
  private int ledgerSheetId;
  private String stylesPart;
  /** Cell styles (xf indices) whose fill is our rose: a row once marked and now fine is unmarked. */
  private final Set<String> roseStyles = new HashSet<>();
  private String problemStyle;
  private boolean addProblemStyle;
  private int fillCount;
  private int xfCount;

  private XlsxRewrite(Plan plan, ZipFile zip) {
    this.plan = plan;
    this.zip = zip;
  }

  static void write(Path source, OutputStream out, Plan plan) throws IOException {
    try (ZipFile zip = new ZipFile(source.toFile())) {
      new XlsxRewrite(plan, zip).write(out);
    } catch (XMLStreamException e) {
      throw new IOException("the workbook's XML could not be rewritten (" + e.getMessage() + ")", e);
    }
  }

  private void write(OutputStream target) throws IOException, XMLStreamException {
    locateParts();
    ZipOutputStream out = new ZipOutputStream(target);
    for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
      String name = entry.getName();
      out.putNextEntry(new ZipEntry(name));
      if (name.equals(ordersPart) && plan.header() != null) {
        try (InputStream in = zip.getInputStream(entry)) {
          new OrderSheet().rewrite(in, out);
        }
      } else if (name.equals(ledgerPart)) {
        writeLedger(out);
      } else if (name.equals(workbookPart)) {
        edit(entry, out, this::editWorkbook);
      } else if (name.equals(workbookRelsPart) && ledgerIsNew) {
        edit(entry, out, (r, w) -> appendBeforeEnd(r, w, "Relationships", x -> {
          x.writeEmptyElement("", "Relationship", PKG_REL_NS);
          x.writeAttribute("Id", ledgerRelId);
          x.writeAttribute("Type", WORKSHEET_TYPE);
          x.writeAttribute("Target", ledgerPart.substring(ledgerPart.lastIndexOf("/worksheets/") + 1));
        }));
      } else if (name.equals("[Content_Types].xml") && ledgerIsNew) {
        edit(entry, out, (r, w) -> appendBeforeEnd(r, w, "Types", x -> {
          x.writeEmptyElement("", "Override", TYPES_NS);
          x.writeAttribute("PartName", "/" + ledgerPart);
          x.writeAttribute("ContentType", WORKSHEET_CONTENT);
        }));
      } else if (name.equals(stylesPart) && addProblemStyle) {
        edit(entry, out, this::editStyles);
      } else {
        try (InputStream in = zip.getInputStream(entry)) {
          in.transferTo(out);
        }
      }
      out.closeEntry();
    }
    if (ledgerIsNew) {
      out.putNextEntry(new ZipEntry(ledgerPart));
      writeLedger(out);
      out.closeEntry();
    }
    out.finish();
  }

  // ---- finding the parts -------------------------------------------------------------------------

  private void locateParts() throws IOException, XMLStreamException {
    workbookPart = "xl/workbook.xml";
    for (Map<String, String> rel : relationships("_rels/.rels")) {
      if (rel.getOrDefault("Type", "").endsWith("/officeDocument")) {
        workbookPart = resolve("", rel.get("Target"));
      }
    }
    String folder = workbookPart.substring(0, workbookPart.lastIndexOf('/') + 1);
    workbookRelsPart = folder + "_rels/" + workbookPart.substring(folder.length()) + ".rels";
    Map<String, String> targets = new HashMap<>();
    for (Map<String, String> rel : relationships(workbookRelsPart)) {
      targets.put(rel.get("Id"), resolve(folder, rel.get("Target")));
      if (rel.getOrDefault("Type", "").endsWith("/styles")) {
        stylesPart = resolve(folder, rel.get("Target"));
      }
    }
    int maxSheetId = 0;
    XMLStreamReader r = reader(workbookPart);
    while (r.hasNext()) {
      if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("sheet")) {
        String name = r.getAttributeValue(null, "name");
        String id = r.getAttributeValue(REL_NS, "id");
        maxSheetId = Math.max(maxSheetId, number(r.getAttributeValue(null, "sheetId")));
        if (name != null && name.equalsIgnoreCase(plan.sheetName()) && ordersPart == null) {
          ordersPart = targets.get(id);
        } else if (SentLedger.SHEET.equals(name)) {
          ledgerPart = targets.get(id);
        }
      }
    }
    r.close();
    if (ordersPart == null || zip.getEntry(ordersPart) == null) {
      throw new IOException("the workbook has no sheet '" + plan.sheetName() + "' to write into");
    }
    if (ledgerPart == null || zip.getEntry(ledgerPart) == null) {
      ledgerIsNew = true;
      int n = targets.size() + 1;
      while (targets.containsKey("rId" + n)) {
        n++;
      }
      ledgerRelId = "rId" + n;
      ledgerSheetId = maxSheetId + 1;
      int sheet = 1;
      while (zip.getEntry(folder + "worksheets/sheet" + sheet + ".xml") != null) {
        sheet++;
      }
      ledgerPart = folder + "worksheets/sheet" + sheet + ".xml";
    }
    readStyles();
  }

  private List<Map<String, String>> relationships(String part) throws IOException, XMLStreamException {
    List<Map<String, String>> rels = new ArrayList<>();
    if (zip.getEntry(part) == null) {
      return rels;
    }
    XMLStreamReader r = reader(part);
    while (r.hasNext()) {
      if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Relationship")) {
        Map<String, String> rel = new HashMap<>();
        for (int i = 0; i < r.getAttributeCount(); i++) {
          rel.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
        }
        rels.add(rel);
      }
    }
    r.close();
    return rels;
  }

  /** The fills and cell styles: which are our rose, and whether the problem colour must be added. */
  private void readStyles() throws IOException, XMLStreamException {
    boolean problems = plan.results().values().stream().anyMatch(RowResult::isProblem);
    if (stylesPart == null || zip.getEntry(stylesPart) == null) {
      return;
    }
    Set<String> roseFills = new HashSet<>();
    XMLStreamReader r = reader(stylesPart);
    String section = "";
    int fill = -1;
    boolean solid = false;
    int xf = 0;
    while (r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        switch (r.getLocalName()) {
          case "fills", "cellXfs", "cellStyleXfs" -> section = r.getLocalName();
          case "fill" -> {
            fill++;
            solid = false;
          }
          case "patternFill" -> solid = "solid".equals(r.getAttributeValue(null, "patternType"));
          case "fgColor" -> {
            if (section.equals("fills") && solid && ROSE.equals(r.getAttributeValue(null, "indexed"))) {
              roseFills.add(Integer.toString(fill));
            }
          }
          case "xf" -> {
            if (section.equals("cellXfs")) {
              if (roseFills.contains(r.getAttributeValue(null, "fillId"))) {
                roseStyles.add(Integer.toString(xf));
              }
              xf++;
            }
          }
          default -> { }
        }
      } else if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals(section)) {
        section = "";
      }
    }
    r.close();
    fillCount = fill + 1;
    xfCount = xf;
    if (problems) {
      if (roseStyles.isEmpty()) {
        addProblemStyle = true;
        problemStyle = Integer.toString(xfCount);
        roseStyles.add(problemStyle);
      } else {
        problemStyle = roseStyles.stream().sorted().findFirst().orElseThrow();
      }
    }
  }

  // ---- the small parts ---------------------------------------------------------------------------

  private interface Edit {
    void apply(XMLStreamReader r, XMLStreamWriter w) throws XMLStreamException;
  }

  private interface Addition {
    void write(XMLStreamWriter w) throws XMLStreamException;
  }

  private void edit(ZipEntry entry, OutputStream out, Edit edit) throws IOException, XMLStreamException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (InputStream in = zip.getInputStream(entry)) {
      XMLStreamReader r = inputs.createXMLStreamReader(in);
      Writer text = new java.io.BufferedWriter(new OutputStreamWriter(buffer, StandardCharsets.UTF_8), 1 << 16);
      text.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
      XMLStreamWriter w = outputs.createXMLStreamWriter(text);
      edit.apply(r, w);
      w.flush();
      text.flush();
      r.close();
    }
    buffer.writeTo(out);
  }

  /** Copies the part, adding an element as the last child of its root {@code root}. */
  private static void appendBeforeEnd(XMLStreamReader r, XMLStreamWriter w, String root, Addition addition)
      throws XMLStreamException {
    int depth = 0;
    while (r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        if (depth == 1 && r.getLocalName().equals(root)) {
          addition.write(w);
        }
        depth--;
      }
      copy(r, w);
    }
  }

  /** The ledger's sheet entry (very hidden) when new, and a full recalculation when the workbook is opened. */
  private void editWorkbook(XMLStreamReader r, XMLStreamWriter w) throws XMLStreamException {
    boolean calcDone = false;
    int depth = 0;
    while (r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
        if (depth == 2 && !calcDone && AFTER_CALC_PR.contains(r.getLocalName())) {
          writeCalcPr(w, r.getPrefix());
          calcDone = true;
        }
        if (depth == 2 && r.getLocalName().equals("calcPr")) {
          copyStart(r, w, "fullCalcOnLoad");
          w.writeAttribute("fullCalcOnLoad", "1");
          calcDone = true;
          continue;
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        if (depth == 2 && r.getLocalName().equals("sheets") && ledgerIsNew) {
          w.writeEmptyElement(prefix(r.getPrefix()), "sheet", MAIN);
          w.writeAttribute("name", SentLedger.SHEET);
          w.writeAttribute("sheetId", Integer.toString(ledgerSheetId));
          w.writeAttribute("state", "veryHidden");
          String relPrefix = r.getNamespaceContext().getPrefix(REL_NS);
          if (relPrefix == null || relPrefix.isEmpty()) {
            relPrefix = "r";
            w.writeNamespace(relPrefix, REL_NS);
          }
          w.writeAttribute(relPrefix, REL_NS, "id", ledgerRelId);
        }
        if (depth == 1 && !calcDone) {
          writeCalcPr(w, r.getPrefix());
          calcDone = true;
        }
        depth--;
      }
      copy(r, w);
    }
  }

  private static void writeCalcPr(XMLStreamWriter w, String prefix) throws XMLStreamException {
    w.writeEmptyElement(prefix(prefix), "calcPr", MAIN);
    w.writeAttribute("fullCalcOnLoad", "1");
  }

  /** A solid rose fill and a cell style using it, at the end of their lists (their counts updated). */
  private void editStyles(XMLStreamReader r, XMLStreamWriter w) throws XMLStreamException {
    while (r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT && (r.getLocalName().equals("fills")
          || r.getLocalName().equals("cellXfs"))) {
        copyStart(r, w, "count");
        w.writeAttribute("count", Integer.toString(r.getLocalName().equals("fills") ? fillCount + 1 : xfCount + 1));
        continue;
      }
      if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("fills")) {
        String p = prefix(r.getPrefix());
        w.writeStartElement(p, "fill", MAIN);
        w.writeStartElement(p, "patternFill", MAIN);
        w.writeAttribute("patternType", "solid");
        w.writeEmptyElement(p, "fgColor", MAIN);
        w.writeAttribute("indexed", ROSE);
        w.writeEmptyElement(p, "bgColor", MAIN);
        w.writeAttribute("indexed", "64");
        w.writeEndElement();
        w.writeEndElement();
      } else if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("cellXfs")) {
        w.writeEmptyElement(prefix(r.getPrefix()), "xf", MAIN);
        w.writeAttribute("numFmtId", "0");
        w.writeAttribute("fontId", "0");
        w.writeAttribute("fillId", Integer.toString(fillCount));
        w.writeAttribute("borderId", "0");
        w.writeAttribute("xfId", "0");
        w.writeAttribute("applyFill", "1");
      }
      copy(r, w);
    }
  }

  private void writeLedger(OutputStream out) throws IOException, XMLStreamException {
    Writer text = new java.io.BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    text.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
    XMLStreamWriter w = outputs.createXMLStreamWriter(text);
    w.writeStartElement("", "worksheet", MAIN);
    w.writeDefaultNamespace(MAIN);
    w.writeStartElement("", "sheetData", MAIN);
    int row = 1;
    writeLedgerRow(w, row++, SentLedger.HEADER);
    for (Map.Entry<String, SentLedger.Entry> e : plan.ledger().entries().entrySet()) {
      SentLedger.Entry entry = e.getValue();
      writeLedgerRow(w, row++, e.getKey(), entry.clientOrderId(), Integer.toString(entry.generation()),
          entry.status(), entry.sentAt());
    }
    w.writeEndElement();
    w.writeEndElement();
    w.flush();
    text.flush();
  }

  private static void writeLedgerRow(XMLStreamWriter w, int row, String... values) throws XMLStreamException {
    w.writeStartElement("", "row", MAIN);
    w.writeAttribute("r", Integer.toString(row));
    for (int c = 0; c < values.length; c++) {
      if (values[c] != null) {
        writeText(w, "", CellReference.convertNumToColString(c) + row, null, values[c]);
      }
    }
    w.writeEndElement();
  }

  // ---- the order sheet ---------------------------------------------------------------------------

  /** One pass over the order sheet: header cells for new output columns, result cells in each answered row. */
  private final class OrderSheet {
    private final Map<Integer, String> columnStyles = new HashMap<>();
    private final int headerRow = plan.header().headerRow();

    void rewrite(InputStream in, OutputStream out) throws IOException, XMLStreamException {
      XMLStreamReader r = inputs.createXMLStreamReader(in);
      Writer text = new java.io.BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
      text.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
      XMLStreamWriter w = outputs.createXMLStreamWriter(text);
      int implicitRow = 0;
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          switch (r.getLocalName()) {
            case "col" -> rememberColumnStyle(r);
            case "dimension" -> {
              // The used range grows by the columns we add; the rows stay.
              copyStart(r, w, "ref");
              w.writeAttribute("ref", widened(r.getAttributeValue(null, "ref")));
              continue;
            }
            case "row" -> {
              String rAttr = r.getAttributeValue(null, "r");
              int rowNumber = rAttr != null ? Integer.parseInt(rAttr) : implicitRow + 1;
              implicitRow = rowNumber;
              if (rowNumber == headerRow || plan.results().containsKey(rowNumber)) {
                rewriteRow(r, w, rowNumber);
                continue;
              }
            }
            default -> { }
          }
        }
        copy(r, w);
      }
      w.flush();
      text.flush();
      r.close();
    }

    private void rememberColumnStyle(XMLStreamReader r) {
      String style = r.getAttributeValue(null, "style");
      if (style == null) {
        return;
      }
      int min = number(r.getAttributeValue(null, "min"));
      int max = Math.min(number(r.getAttributeValue(null, "max")), min + 16_384);
      for (int c = min; c <= max; c++) {
        columnStyles.put(c - 1, style);
      }
    }

    private String widened(String ref) {
      if (ref == null || plan.columns().isEmpty()) {
        return ref;
      }
      int last = plan.columns().values().stream().mapToInt(Integer::intValue).max().orElse(0);
      String[] ends = ref.split(":");
      CellReference end = new CellReference(ends[ends.length - 1]);
      if (end.getCol() >= last) {
        return ref;
      }
      String start = ends.length > 1 ? ends[0] : "A1";
      return start + ":" + CellReference.convertNumToColString(last) + (end.getRow() + 1);
    }

    /** Copies a row cell by cell, putting ours in column order (replacing what stood there). */
    private void rewriteRow(XMLStreamReader r, XMLStreamWriter w, int rowNumber) throws XMLStreamException {
      String prefix = prefix(r.getPrefix());
      String rowStyle = "1".equals(r.getAttributeValue(null, "customFormat")) ? r.getAttributeValue(null, "s") : null;
      // spans is only a hint for readers, and ours may no longer match it.
      copyStart(r, w, "spans");
      boolean header = rowNumber == headerRow;
      Map<Integer, String> existingStyles = new HashMap<>();
      Set<Integer> present = new HashSet<>();
      SortedMap<Integer, Cell> ours = header ? new TreeMap<>() : cellsFor(rowNumber);
      int lastIndex = -1;
      int implicitColumn = -1;
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("row")) {
          break;
        }
        if (event == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("c")) {
          String ref = r.getAttributeValue(null, "r");
          int column = ref != null ? new CellReference(ref).getCol() : implicitColumn + 1;
          implicitColumn = column;
          lastIndex = Math.max(lastIndex, column);
          String style = r.getAttributeValue(null, "s");
          existingStyles.put(column, style);
          present.add(column);
          if (header) {
            copy(r, w);
            copyElementBody(r, w);
            continue;
          }
          while (!ours.isEmpty() && ours.firstKey() < column) {
            int first = ours.firstKey();
            writeCell(w, prefix, rowNumber, first, ours.remove(first), null, rowStyle);
          }
          Cell mine = ours.remove(column);
          if (mine != null) {
            skipElementBody(r);
            writeCell(w, prefix, rowNumber, column, mine, style == null ? "" : style, rowStyle);
            continue;
          }
          copy(r, w);
          copyElementBody(r, w);
          continue;
        }
        copy(r, w);
      }
      if (header) {
        for (Map.Entry<Integer, Cell> e : headerCells(lastIndex, existingStyles, present).entrySet()) {
          writeCell(w, prefix, rowNumber, e.getKey(), e.getValue(), null, null);
        }
      } else {
        for (Map.Entry<Integer, Cell> e : ours.entrySet()) {
          writeCell(w, prefix, rowNumber, e.getKey(), e.getValue(), null, rowStyle);
        }
      }
      w.writeEndElement();
    }

    /** New output columns go right of the header, each headed and styled like the cell to its left. */
    private SortedMap<Integer, Cell> headerCells(int lastInHeader, Map<Integer, String> styles, Set<Integer> present) {
      SortedMap<Integer, Cell> cells = new TreeMap<>();
      boolean fixed = !plan.columns().isEmpty();
      int next = Math.max(plan.header().lastIndex(), lastInHeader) + 1;
      for (Column column : plan.outputs()) {
        Integer index = plan.header().indexOf(column).orElse(null);
        if (index != null) {
          plan.columns().putIfAbsent(column, index);
          continue;
        }
        if (!fixed) {
          plan.columns().put(column, next++);
        }
        index = plan.columns().get(column);
        if (index != null && !present.contains(index)) {
          String left = styles.get(index - 1);
          cells.put(index, new Cell(column.header(), null, left == null ? "" : left, null));
          styles.put(index, left);
          present.add(index);
        }
      }
      return cells;
    }

    /** The cells a row's result writes; as in WORKBOOK.md, a field without a value leaves its cell alone. */
    private SortedMap<Integer, Cell> cellsFor(int rowNumber) {
      RowResult result = plan.results().get(rowNumber);
      SortedMap<Integer, Cell> cells = new TreeMap<>();
      Map<Column, Integer> at = plan.columns();
      if (result.status() != null) {
        put(cells, at.get(Column.STATUS), new Cell(result.status(), null, null, result.isProblem()));
        put(cells, at.get(Column.MESSAGE), new Cell(result.message() == null ? "" : result.message(), null, null,
            result.isProblem()));
      }
      if (result.orderId() != null) {
        put(cells, at.get(Column.ORDER_ID), new Cell(result.orderId(), null, null, null));
      }
      if (result.submittedAt() != null) {
        put(cells, at.get(Column.SUBMITTED_AT), new Cell(result.submittedAt().toString(), null, null, null));
      }
      if (result.filledQuantity() != null) {
        put(cells, at.get(Column.FILLED_QUANTITY), new Cell(null, result.filledQuantity().toString(), null, null));
      }
      if (result.averagePrice() != null) {
        put(cells, at.get(Column.AVERAGE_PRICE), new Cell(null, result.averagePrice().toPlainString(), null, null));
      }
      return cells;
    }

    private void put(SortedMap<Integer, Cell> cells, Integer column, Cell cell) {
      if (column != null) {
        cells.put(column, cell);
      }
    }

    /**
     * Writes one of our cells with the style POI would have given it: a header cell its neighbour's;
     * a new cell the row's style, else its column's; a replaced cell keeps its own; Status and Message
     * of a problem row our rose, and a row once rose and now fine loses it.
     *
     * @param existing the replaced cell's style ("" for none), null for a new cell
     */
    private void writeCell(XMLStreamWriter w, String prefix, int rowNumber, int column, Cell cell, String existing,
        String rowStyle) throws XMLStreamException {
      String style;
      if (cell.style() != null) {
        style = cell.style().isEmpty() ? null : cell.style();
      } else if (existing == null) {
        style = rowStyle != null ? rowStyle : columnStyles.get(column);
      } else {
        style = existing.isEmpty() ? null : existing;
      }
      if (Boolean.TRUE.equals(cell.problem())) {
        style = problemStyle;
      } else if (Boolean.FALSE.equals(cell.problem()) && style != null && roseStyles.contains(style)) {
        style = null;
      }
      String ref = CellReference.convertNumToColString(column) + rowNumber;
      if (cell.number() != null) {
        w.writeStartElement(prefix, "c", MAIN);
        w.writeAttribute("r", ref);
        if (style != null) {
          w.writeAttribute("s", style);
        }
        w.writeStartElement(prefix, "v", MAIN);
        w.writeCharacters(cell.number());
        w.writeEndElement();
        w.writeEndElement();
      } else {
        writeText(w, prefix, ref, style, cell.text());
      }
    }
  }

  /**
   * A cell to write: text (empty: a blank cell), or a number; {@code style} fixed for header cells
   * ("" for none); {@code problem} true or false for Status and Message, null for the others.
   */
  private record Cell(String text, String number, String style, Boolean problem) {}

  // ---- copying -----------------------------------------------------------------------------------

  private static void writeText(XMLStreamWriter w, String prefix, String ref, String style, String value)
      throws XMLStreamException {
    w.writeStartElement(prefix, "c", MAIN);
    w.writeAttribute("r", ref);
    if (style != null) {
      w.writeAttribute("s", style);
    }
    if (value.isEmpty()) {
      w.writeEndElement();
      return;
    }
    w.writeAttribute("t", "inlineStr");
    w.writeStartElement(prefix, "is", MAIN);
    w.writeStartElement(prefix, "t", MAIN);
    if (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1))) {
      w.writeAttribute("xml", XML_NS, "space", "preserve");
    }
    w.writeCharacters(value);
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndElement();
  }

  private static String prefix(String prefix) {
    return prefix == null ? "" : prefix;
  }

  private XMLStreamReader reader(String part) throws IOException, XMLStreamException {
    ZipEntry entry = zip.getEntry(part);
    if (entry == null) {
      throw new IOException("the workbook lacks its part " + part);
    }
    return inputs.createXMLStreamReader(zip.getInputStream(entry));
  }

  /** Copies the reader's current event. */
  private static void copy(XMLStreamReader r, XMLStreamWriter w) throws XMLStreamException {
    switch (r.getEventType()) {
      case XMLStreamConstants.START_ELEMENT -> copyStart(r, w, null);
      case XMLStreamConstants.END_ELEMENT -> w.writeEndElement();
      case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> w.writeCharacters(r.getTextCharacters(),
          r.getTextStart(), r.getTextLength());
      case XMLStreamConstants.CDATA -> w.writeCData(r.getText());
      case XMLStreamConstants.COMMENT -> w.writeComment(r.getText());
      case XMLStreamConstants.PROCESSING_INSTRUCTION -> w.writeProcessingInstruction(r.getPITarget(), r.getPIData());
      default -> { }
    }
  }

  /** Copies a start element with its namespace declarations and attributes, leaving out one attribute. */
  private static void copyStart(XMLStreamReader r, XMLStreamWriter w, String without) throws XMLStreamException {
    w.writeStartElement(prefix(r.getPrefix()), r.getLocalName(), r.getNamespaceURI() == null ? "" : r.getNamespaceURI());
    for (int i = 0; i < r.getNamespaceCount(); i++) {
      String p = r.getNamespacePrefix(i);
      if (p == null || p.isEmpty()) {
        w.writeDefaultNamespace(r.getNamespaceURI(i));
      } else {
        w.writeNamespace(p, r.getNamespaceURI(i));
      }
    }
    for (int i = 0; i < r.getAttributeCount(); i++) {
      String ns = r.getAttributeNamespace(i);
      String local = r.getAttributeLocalName(i);
      if ((ns == null || ns.isEmpty()) && local.equals(without)) {
        continue;
      }
      if (ns == null || ns.isEmpty()) {
        w.writeAttribute(local, r.getAttributeValue(i));
      } else {
        w.writeAttribute(prefix(r.getAttributePrefix(i)), ns, local, r.getAttributeValue(i));
      }
    }
  }

  /** Copies everything up to and including the end of the element whose start was just copied. */
  private static void copyElementBody(XMLStreamReader r, XMLStreamWriter w) throws XMLStreamException {
    int depth = 1;
    while (depth > 0 && r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
      copy(r, w);
    }
  }

  private static void skipElementBody(XMLStreamReader r) throws XMLStreamException {
    int depth = 1;
    while (depth > 0 && r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  private static String resolve(String folder, String target) {
    if (target == null) {
      return null;
    }
    if (target.startsWith("/")) {
      return target.substring(1);
    }
    String path = folder + target;
    // "xl/../docProps/x.xml" and the like
    List<String> parts = new ArrayList<>();
    for (String p : path.split("/")) {
      if (p.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
      } else if (!p.isEmpty() && !p.equals(".")) {
        parts.add(p);
      }
    }
    return String.join("/", parts);
  }

  private static int number(String text) {
    if (text == null) {
      return 0;
    }
    String digits = text.replaceAll("\\D", "");
    try {
      return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
