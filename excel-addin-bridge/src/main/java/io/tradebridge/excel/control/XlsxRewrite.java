package io.tradebridge.excel.control;

import io.tradebridge.excel.entity.Column;
import io.tradebridge.excel.entity.RowResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.apache.poi.ss.util.CellReference;

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
  private static final String REL_NS =
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  private static final String PKG_REL_NS =
      "http://schemas.openxmlformats.org/package/2006/relationships";
  private static final String TYPES_NS =
      "http://schemas.openxmlformats.org/package/2006/content-types";
  private static final String WORKSHEET_TYPE = REL_NS + "/worksheet";
  private static final String WORKSHEET_CONTENT =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
  private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

  /** Excel's indexed colour "rose" (IndexedColors.ROSE), the colour of a row that needs a look. */
  private static final String ROSE = "45";

  /**
   * Elements that follow calcPr in a workbook (ECMA-376 CT_Workbook order): calcPr goes before the
   * first of them.
   */
  private static final Set<String> AFTER_CALC_PR =
      Set.of(
          "oleSize",
          "customWorkbookViews",
          "pivotCaches",
          "smartTagPr",
          "smartTagTypes",
          "webPublishing",
          "fileRecoveryPr",
          "webPublishObjects",
          "extLst");

  /**
   * What a save writes ({@code header} null: no results to place yet). {@code columns} holds the
   * output columns' indices once known (the first save fixes new ones).
   */
  record Plan(
      String sheetName,
      HeaderMap header,
      List<Column> outputs,
      Map<Column, Integer> columns,
      SortedMap<Integer, RowResult> results,
      SentLedger ledger) {}

  private final Plan plan;
  private final ZipFile zip;

  private String workbookPart;
  private String workbookRelsPart;
  private String ordersPart;
  private String ledgerPart;
  private boolean ledgerIsNew;
  private String ledgerRelId;
  private int ledgerSheetId;
  private String stylesPart;

  /**
   * Cell styles (xf indices) whose fill is our rose: a row once marked and now fine is unmarked.
   */
  private final Set<String> roseStyles = new HashSet<>();

  private String problemStyle;
  private boolean addProblemStyle;
  private int fillCount;
  private int xfCount;

  /** The cell style SubmittedAt is written with (a date-time), null when no row has one. */
  private String dateStyle;

  private boolean addDateStyle;
  private boolean addDateFormat;
  private boolean hasNumFmts;
  private int numFmtCount;
  private String dateFormatId;

  private XlsxRewrite(Plan plan, ZipFile zip) {
    this.plan = plan;
    this.zip = zip;
  }

  static void write(Path source, OutputStream out, Plan plan) throws IOException {
    try (ZipFile zip = new ZipFile(source.toFile())) {
      new XlsxRewrite(plan, zip).write(out);
    } catch (XMLStreamException e) {
      throw new IOException(
          "the workbook's XML could not be rewritten (" + e.getMessage() + ")", e);
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
          new OrderSheetRewrite(plan, problemStyle, roseStyles, dateStyle).rewrite(in, out);
        }
      } else if (name.equals(ledgerPart)) {
        writeLedger(out);
      } else if (name.equals(workbookPart)) {
        edit(entry, out, this::editWorkbook);
      } else if (name.equals(workbookRelsPart) && ledgerIsNew) {
        edit(
            entry,
            out,
            (r, w) ->
                appendBeforeEnd(
                    r,
                    w,
                    "Relationships",
                    x -> {
                      x.writeEmptyElement("", "Relationship", PKG_REL_NS);
                      x.writeAttribute("Id", ledgerRelId);
                      x.writeAttribute("Type", WORKSHEET_TYPE);
                      x.writeAttribute(
                          "Target",
                          ledgerPart.substring(ledgerPart.lastIndexOf("/worksheets/") + 1));
                    }));
      } else if (name.equals("[Content_Types].xml") && ledgerIsNew) {
        edit(
            entry,
            out,
            (r, w) ->
                appendBeforeEnd(
                    r,
                    w,
                    "Types",
                    x -> {
                      x.writeEmptyElement("", "Override", TYPES_NS);
                      x.writeAttribute("PartName", "/" + ledgerPart);
                      x.writeAttribute("ContentType", WORKSHEET_CONTENT);
                    }));
      } else if (name.equals(stylesPart) && (addProblemStyle || addDateStyle)) {
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

  // ---- finding the parts
  // -------------------------------------------------------------------------

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

  private List<Map<String, String>> relationships(String part)
      throws IOException, XMLStreamException {
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

  /**
   * The fills, number formats and cell styles: which are our rose, whether the problem colour must
   * be added, and which style (found or to be added) shows SubmittedAt as a date-time.
   */
  private void readStyles() throws IOException, XMLStreamException {
    boolean problems = plan.results().values().stream().anyMatch(RowResult::isProblem);
    boolean dates = plan.results().values().stream().anyMatch(x -> x.submittedAt() != null);
    if (stylesPart == null || zip.getEntry(stylesPart) == null) {
      return;
    }
    Set<String> roseFills = new HashSet<>();
    XMLStreamReader r = reader(stylesPart);
    String section = "";
    int fill = -1;
    boolean solid = false;
    int xf = 0;
    int maxNumFmtId = 163; // ids below 164 are Excel's built-in formats
    while (r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        switch (r.getLocalName()) {
          case "fills", "cellXfs", "cellStyleXfs" -> section = r.getLocalName();
          case "numFmts" -> hasNumFmts = true;
          case "numFmt" -> {
            numFmtCount++;
            String id = r.getAttributeValue(null, "numFmtId");
            maxNumFmtId = Math.max(maxNumFmtId, number(id));
            if (OrderWorkbook.DATE_TIME_FORMAT.equals(r.getAttributeValue(null, "formatCode"))
                && dateFormatId == null) {
              dateFormatId = id;
            }
          }
          case "fill" -> {
            fill++;
            solid = false;
          }
          case "patternFill" -> solid = "solid".equals(r.getAttributeValue(null, "patternType"));
          case "fgColor" -> {
            if (section.equals("fills")
                && solid
                && ROSE.equals(r.getAttributeValue(null, "indexed"))) {
              roseFills.add(Integer.toString(fill));
            }
          }
          case "xf" -> {
            if (section.equals("cellXfs")) {
              String fillId = r.getAttributeValue(null, "fillId");
              if (roseFills.contains(fillId)) {
                roseStyles.add(Integer.toString(xf));
              }
              if (dateStyle == null
                  && dateFormatId != null
                  && dateFormatId.equals(r.getAttributeValue(null, "numFmtId"))
                  && (fillId == null || "0".equals(fillId))) {
                dateStyle = Integer.toString(xf);
              }
              xf++;
            }
          }
          default -> {}
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
    if (!dates) {
      dateStyle = null;
    } else if (dateStyle == null) {
      addDateStyle = true;
      dateStyle = Integer.toString(xfCount + (addProblemStyle ? 1 : 0));
      if (dateFormatId == null) {
        addDateFormat = true;
        dateFormatId = Integer.toString(maxNumFmtId + 1);
      }
    }
  }

  // ---- the small parts
  // ---------------------------------------------------------------------------

  private interface Edit {
    void apply(XMLStreamReader r, XMLStreamWriter w) throws XMLStreamException;
  }

  private interface Addition {
    void write(XMLStreamWriter w) throws XMLStreamException;
  }

  private void edit(ZipEntry entry, OutputStream out, Edit edit)
      throws IOException, XMLStreamException {
    try (InputStream in = zip.getInputStream(entry)) {
      XMLStreamReader r = XmlCopy.INPUTS.createXMLStreamReader(in);
      XmlCopy.part(out, w -> edit.apply(r, w));
      r.close();
    }
  }

  /** Copies the part, adding an element as the last child of its root {@code root}. */
  private static void appendBeforeEnd(
      XMLStreamReader r, XMLStreamWriter w, String root, Addition addition)
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
      XmlCopy.event(r, w);
    }
  }

  /**
   * The ledger's sheet entry (very hidden) when new, and a full recalculation when the workbook is
   * opened.
   */
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
          XmlCopy.start(r, w, "fullCalcOnLoad");
          w.writeAttribute("fullCalcOnLoad", "1");
          calcDone = true;
          continue;
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        if (depth == 2 && r.getLocalName().equals("sheets") && ledgerIsNew) {
          w.writeEmptyElement(XmlCopy.prefix(r.getPrefix()), "sheet", MAIN);
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
      XmlCopy.event(r, w);
    }
  }

  private static void writeCalcPr(XMLStreamWriter w, String prefix) throws XMLStreamException {
    w.writeEmptyElement(XmlCopy.prefix(prefix), "calcPr", MAIN);
    w.writeAttribute("fullCalcOnLoad", "1");
  }

  /**
   * What the results need and the styles lack, at the end of their lists (their counts updated): a
   * solid rose fill and a cell style using it; the date-time number format and a cell style using
   * it. The number formats come first in a style sheet, so a sheet without any gets them there.
   */
  private void editStyles(XMLStreamReader r, XMLStreamWriter w) throws XMLStreamException {
    int depth = 0;
    boolean numFmtsDone = !addDateFormat || hasNumFmts;
    while (r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
        if (depth == 2 && !numFmtsDone) {
          String p = XmlCopy.prefix(r.getPrefix());
          w.writeStartElement(p, "numFmts", MAIN);
          w.writeAttribute("count", "1");
          writeDateFormat(w, p);
          w.writeEndElement();
          numFmtsDone = true;
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
      if (event == XMLStreamConstants.START_ELEMENT
          && r.getLocalName().equals("numFmts")
          && addDateFormat) {
        XmlCopy.start(r, w, "count");
        w.writeAttribute("count", Integer.toString(numFmtCount + 1));
        continue;
      }
      if (event == XMLStreamConstants.START_ELEMENT
          && ((r.getLocalName().equals("fills") && addProblemStyle)
              || r.getLocalName().equals("cellXfs"))) {
        XmlCopy.start(r, w, "count");
        int added = (addProblemStyle ? 1 : 0) + (addDateStyle ? 1 : 0);
        w.writeAttribute(
            "count",
            Integer.toString(r.getLocalName().equals("fills") ? fillCount + 1 : xfCount + added));
        continue;
      }
      if (event == XMLStreamConstants.END_ELEMENT
          && r.getLocalName().equals("numFmts")
          && addDateFormat) {
        writeDateFormat(w, XmlCopy.prefix(r.getPrefix()));
      } else if (event == XMLStreamConstants.END_ELEMENT
          && r.getLocalName().equals("fills")
          && addProblemStyle) {
        String p = XmlCopy.prefix(r.getPrefix());
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
        if (addProblemStyle) {
          w.writeEmptyElement(XmlCopy.prefix(r.getPrefix()), "xf", MAIN);
          w.writeAttribute("numFmtId", "0");
          w.writeAttribute("fontId", "0");
          w.writeAttribute("fillId", Integer.toString(fillCount));
          w.writeAttribute("borderId", "0");
          w.writeAttribute("xfId", "0");
          w.writeAttribute("applyFill", "1");
        }
        if (addDateStyle) {
          w.writeEmptyElement(XmlCopy.prefix(r.getPrefix()), "xf", MAIN);
          w.writeAttribute("numFmtId", dateFormatId);
          w.writeAttribute("fontId", "0");
          w.writeAttribute("fillId", "0");
          w.writeAttribute("borderId", "0");
          w.writeAttribute("xfId", "0");
          w.writeAttribute("applyNumberFormat", "1");
        }
      }
      XmlCopy.event(r, w);
    }
  }

  private void writeDateFormat(XMLStreamWriter w, String prefix) throws XMLStreamException {
    w.writeEmptyElement(prefix, "numFmt", MAIN);
    w.writeAttribute("numFmtId", dateFormatId);
    w.writeAttribute("formatCode", OrderWorkbook.DATE_TIME_FORMAT);
  }

  private void writeLedger(OutputStream out) throws IOException, XMLStreamException {
    XmlCopy.part(out, this::writeLedger);
  }

  private void writeLedger(XMLStreamWriter w) throws XMLStreamException {
    w.writeStartElement("", "worksheet", MAIN);
    w.writeDefaultNamespace(MAIN);
    w.writeStartElement("", "sheetData", MAIN);
    int row = 1;
    writeLedgerRow(w, row++, SentLedger.HEADER);
    for (Map.Entry<String, SentLedger.Entry> e : plan.ledger().entries().entrySet()) {
      SentLedger.Entry entry = e.getValue();
      writeLedgerRow(
          w,
          row++,
          e.getKey(),
          entry.clientOrderId(),
          Integer.toString(entry.generation()),
          entry.status(),
          entry.sentAt());
    }
    w.writeEndElement();
    w.writeEndElement();
  }

  private static void writeLedgerRow(XMLStreamWriter w, int row, String... values)
      throws XMLStreamException {
    w.writeStartElement("", "row", MAIN);
    w.writeAttribute("r", Integer.toString(row));
    for (int c = 0; c < values.length; c++) {
      if (values[c] != null) {
        writeText(w, "", CellReference.convertNumToColString(c) + row, null, values[c]);
      }
    }
    w.writeEndElement();
  }

  // ---- copying
  // -----------------------------------------------------------------------------------

  /** An inline-string cell; an empty value makes a blank cell (kept for its style). */
  static void writeText(XMLStreamWriter w, String prefix, String ref, String style, String value)
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
    if (Character.isWhitespace(value.charAt(0))
        || Character.isWhitespace(value.charAt(value.length() - 1))) {
      w.writeAttribute("xml", XML_NS, "space", "preserve");
    }
    w.writeCharacters(value);
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndElement();
  }

  private XMLStreamReader reader(String part) throws IOException, XMLStreamException {
    ZipEntry entry = zip.getEntry(part);
    if (entry == null) {
      throw new IOException("the workbook lacks its part " + part);
    }
    return XmlCopy.INPUTS.createXMLStreamReader(zip.getInputStream(entry));
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

  static int number(String text) {
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
