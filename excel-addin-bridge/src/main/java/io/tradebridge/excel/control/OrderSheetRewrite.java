package io.tradebridge.excel.control;

import static io.tradebridge.excel.control.XlsxRewrite.MAIN;

import io.tradebridge.excel.entity.Column;
import io.tradebridge.excel.entity.RowResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;

/**
 * One pass over the order sheet's XML for {@link XlsxRewrite}: header cells for new output columns,
 * the result cells of each answered row put in column order, everything else copied as it was.
 */
final class OrderSheetRewrite {

  private final XlsxRewrite.Plan plan;
  private final String problemStyle;
  private final Set<String> roseStyles;
  private final String dateStyle;
  private final Map<Integer, String> columnStyles = new HashMap<>();
  private final int headerRow;

  /**
   * @param dateStyle the cell style showing a date-time, null when the workbook has no styles (then
   *     SubmittedAt is written as text)
   */
  OrderSheetRewrite(
      XlsxRewrite.Plan plan, String problemStyle, Set<String> roseStyles, String dateStyle) {
    this.plan = plan;
    this.problemStyle = problemStyle;
    this.roseStyles = roseStyles;
    this.dateStyle = dateStyle;
    this.headerRow = plan.header().headerRow();
  }

  void rewrite(InputStream in, OutputStream out) throws IOException, XMLStreamException {
    XMLStreamReader r = XmlCopy.INPUTS.createXMLStreamReader(in);
    XmlCopy.part(out, w -> rewrite(r, w));
    r.close();
  }

  private void rewrite(XMLStreamReader r, XMLStreamWriter w) throws XMLStreamException {
    int implicitRow = 0;
    while (r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        switch (r.getLocalName()) {
          case "col" -> rememberColumnStyle(r);
          case "dimension" -> {
            // The used range grows by the columns we add; the rows stay.
            XmlCopy.start(r, w, "ref");
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
          default -> {}
        }
      }
      XmlCopy.event(r, w);
    }
  }

  private void rememberColumnStyle(XMLStreamReader r) {
    String style = r.getAttributeValue(null, "style");
    if (style == null) {
      return;
    }
    int min = XlsxRewrite.number(r.getAttributeValue(null, "min"));
    int max = Math.min(XlsxRewrite.number(r.getAttributeValue(null, "max")), min + 16_384);
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
  private void rewriteRow(XMLStreamReader r, XMLStreamWriter w, int rowNumber)
      throws XMLStreamException {
    String prefix = XmlCopy.prefix(r.getPrefix());
    String rowStyle =
        "1".equals(r.getAttributeValue(null, "customFormat"))
            ? r.getAttributeValue(null, "s")
            : null;
    // spans is only a hint for readers, and ours may no longer match it.
    XmlCopy.start(r, w, "spans");
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
          XmlCopy.event(r, w);
          XmlCopy.rest(r, w);
          continue;
        }
        while (!ours.isEmpty() && ours.firstKey() < column) {
          int first = ours.firstKey();
          writeCell(w, prefix, rowNumber, first, ours.remove(first), null, rowStyle);
        }
        Cell mine = ours.remove(column);
        if (mine != null) {
          XmlCopy.rest(r, null);
          writeCell(w, prefix, rowNumber, column, mine, style == null ? "" : style, rowStyle);
          continue;
        }
        XmlCopy.event(r, w);
        XmlCopy.rest(r, w);
        continue;
      }
      XmlCopy.event(r, w);
    }
    if (header) {
      for (Map.Entry<Integer, Cell> e :
          headerCells(lastIndex, existingStyles, present).entrySet()) {
        writeCell(w, prefix, rowNumber, e.getKey(), e.getValue(), null, null);
      }
    } else {
      for (Map.Entry<Integer, Cell> e : ours.entrySet()) {
        writeCell(w, prefix, rowNumber, e.getKey(), e.getValue(), null, rowStyle);
      }
    }
    w.writeEndElement();
  }

  /**
   * New output columns go right of the header, each headed and styled like the cell to its left.
   */
  private SortedMap<Integer, Cell> headerCells(
      int lastInHeader, Map<Integer, String> styles, Set<Integer> present) {
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

  /**
   * The cells a row's result writes; as in WORKBOOK.md, a field without a value leaves its cell
   * alone.
   */
  private SortedMap<Integer, Cell> cellsFor(int rowNumber) {
    RowResult result = plan.results().get(rowNumber);
    SortedMap<Integer, Cell> cells = new TreeMap<>();
    Map<Column, Integer> at = plan.columns();
    if (result.status() != null) {
      put(cells, at.get(Column.STATUS), new Cell(result.status(), null, null, result.isProblem()));
      put(
          cells,
          at.get(Column.MESSAGE),
          new Cell(
              result.message() == null ? "" : result.message(), null, null, result.isProblem()));
    }
    if (result.orderId() != null) {
      put(cells, at.get(Column.ORDER_ID), new Cell(result.orderId(), null, null, null));
    }
    if (result.submittedAt() != null) {
      put(
          cells,
          at.get(Column.SUBMITTED_AT),
          dateStyle == null
              ? new Cell(result.submittedAt().toString(), null, null, null)
              : new Cell(
                  null,
                  BigDecimal.valueOf(DateUtil.getExcelDate(result.submittedAt())).toPlainString(),
                  dateStyle,
                  null));
    }
    if (result.filledQuantity() != null) {
      put(
          cells,
          at.get(Column.FILLED_QUANTITY),
          new Cell(null, result.filledQuantity().toString(), null, null));
    }
    if (result.averagePrice() != null) {
      put(
          cells,
          at.get(Column.AVERAGE_PRICE),
          new Cell(null, result.averagePrice().toPlainString(), null, null));
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
   * a new cell the row's style, else its column's; a replaced cell keeps its own; Status and
   * Message of a problem row our rose, and a row once rose and now fine loses it.
   *
   * @param existing the replaced cell's style ("" for none), null for a new cell
   */
  private void writeCell(
      XMLStreamWriter w,
      String prefix,
      int rowNumber,
      int column,
      Cell cell,
      String existing,
      String rowStyle)
      throws XMLStreamException {
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
    } else if (Boolean.FALSE.equals(cell.problem())
        && style != null
        && roseStyles.contains(style)) {
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
      XlsxRewrite.writeText(w, prefix, ref, style, cell.text());
    }
  }

  /**
   * A cell to write: text (empty: a blank cell), or a number; {@code style} fixed for header cells
   * ("" for none); {@code problem} true or false for Status and Message, null for the others.
   */
  private record Cell(String text, String number, String style, Boolean problem) {}
}
