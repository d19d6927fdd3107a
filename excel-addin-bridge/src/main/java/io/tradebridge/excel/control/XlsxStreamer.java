package io.tradebridge.excel.control;

import io.tradebridge.excel.entity.CellValue;
import io.tradebridge.excel.entity.WorkbookRejected;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Streams one sheet of an OOXML workbook with a SAX handler of our own, so that each number is its
 * stored value ({@code 10.5} stays 10.5 even under a "0" format that displays 11), dates are told
 * apart by their cell style, and formulas count by their cached result.
 */
final class XlsxStreamer {

  private static final int MAX_COLUMN = SpreadsheetVersion.EXCEL2007.getLastColumnIndex();
  private static final int MAX_ROW = SpreadsheetVersion.EXCEL2007.getMaxRows();

  /** Bounds the shared-string cache: memory stays bounded whatever the sheet holds. */
  private static final int MAX_REMEMBERED = 10_000;

  private XlsxStreamer() {}

  /** Where the cells of a streamed sheet go: one row's cells together, rows in order. */
  interface SheetCells {
    void cell(int rowNumber, int columnIndex, CellValue value);

    void endRow();
  }

  static void stream(Path file, String sheetName, SheetCells rows) throws WorkbookRejected {
    if (!streamIfPresent(file, sheetName, rows)) {
      throw new WorkbookRejected(
          "the workbook has no sheet named '"
              + sheetName
              + "' (it has "
              + String.join(", ", sheetNames(file))
              + "); choose one with --sheet");
    }
  }

  /** The workbook's sheet names, in order. */
  static List<String> sheetNames(Path file) throws WorkbookRejected {
    List<String> names = new ArrayList<>();
    streamIfPresent(file, null, null, names);
    return names;
  }

  /**
   * Streams the sheet if the workbook has it (its name matched ignoring case); false if it has none
   * such.
   */
  static boolean streamIfPresent(Path file, String sheetName, SheetCells rows)
      throws WorkbookRejected {
    return streamIfPresent(file, sheetName, rows, new ArrayList<>());
  }

  private static boolean streamIfPresent(
      Path file, String sheetName, SheetCells rows, List<String> names) throws WorkbookRejected {
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      while (sheets.hasNext()) {
        try (InputStream sheet = sheets.next()) {
          names.add(sheets.getSheetName());
          if (sheetName != null && sheets.getSheetName().equalsIgnoreCase(sheetName)) {
            // Read only for a sheet that is there: listing names, or looking for a ledger not yet
            // made, costs neither.
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new SheetHandler(strings, styles, rows));
            parser.parse(new InputSource(sheet));
            return true;
          }
        }
      }
      return false;
    } catch (SheetRefused e) {
      throw new WorkbookRejected(e.getMessage());
    } catch (EncryptedDocumentException e) {
      throw OrderSheetReader.passwordProtected(file);
    } catch (NotOfficeXmlFileException | InvalidFormatException e) {
      throw new WorkbookRejected(
          file.getFileName() + " is damaged or not an Excel workbook (" + Messages.brief(e) + ")",
          e);
    } catch (SAXException | ParserConfigurationException e) {
      throw new WorkbookRejected(
          file.getFileName() + " contains XML we refuse to read (" + Messages.brief(e) + ")", e);
    } catch (IOException | OpenXML4JException | RuntimeException e) {
      String why = Messages.brief(e);
      if (why.toLowerCase(java.util.Locale.ROOT).contains("zip bomb")) {
        throw new WorkbookRejected(
            file.getFileName() + " expands far beyond its size (a zip bomb?); refused", e);
      }
      throw new WorkbookRejected(
          file.getFileName() + " is damaged or cannot be read (" + why + ")", e);
    }
  }

  private static final class SheetHandler extends DefaultHandler {
    private final ReadOnlySharedStringsTable strings;

    /**
     * Shared strings already looked up: POI builds a rich-text object on every lookup, and an order
     * sheet repeats the same few (account, exchange, side, type) on every row.
     */
    private final Map<Integer, String> looked = new HashMap<>();

    private final StylesTable styles;
    private final SheetCells rows;
    private final StringBuilder text = new StringBuilder();
    private boolean collecting;
    private int rowNumber;
    private int nextColumn;
    private int column;
    private String type;
    private int style;
    private boolean inInlineString;
    private boolean hasValue;

    SheetHandler(ReadOnlySharedStringsTable strings, StylesTable styles, SheetCells rows) {
      this.strings = strings;
      this.styles = styles;
      this.rows = rows;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
      switch (localName) {
        case "row" -> {
          String r = attributes.getValue("r");
          rowNumber = r != null ? parseRow(r) : rowNumber + 1;
          nextColumn = 0;
        }
        case "c" -> {
          String ref = attributes.getValue("r");
          column = ref != null ? columnOf(ref) : nextColumn;
          nextColumn = column + 1;
          type = attributes.getValue("t");
          String s = attributes.getValue("s");
          style = s == null ? -1 : Integer.parseInt(s);
          text.setLength(0);
          hasValue = false;
        }
        case "v" -> {
          collecting = true;
          text.setLength(0);
        }
        case "is" -> {
          inInlineString = true;
          text.setLength(0);
        }
        case "t" -> collecting = inInlineString;
        default -> {}
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (collecting) {
        text.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      switch (localName) {
        case "v" -> {
          collecting = false;
          hasValue = true;
        }
        case "t" -> collecting = false;
        case "is" -> {
          inInlineString = false;
          hasValue = true;
        }
        case "c" -> {
          if (hasValue) {
            rows.cell(rowNumber, column, value());
          }
        }
        case "row" -> rows.endRow();
        default -> {}
      }
    }

    private String sharedString(int index) {
      String known = looked.get(index);
      if (known == null) {
        known = strings.getItemAt(index).getString();
        if (looked.size() < MAX_REMEMBERED) {
          looked.put(index, known);
        }
      }
      return known;
    }

    private CellValue value() {
      String raw = text.toString();
      if (type == null || type.equals("n")) {
        return isDateStyle() ? new CellValue(CellValue.Kind.DATE, raw) : CellValue.number(raw);
      }
      return switch (type) {
        case "s" -> CellValue.text(sharedString(Integer.parseInt(raw.strip())));
        case "inlineStr", "str" -> CellValue.text(raw);
        case "b" ->
            new CellValue(CellValue.Kind.BOOLEAN, "1".equals(raw.strip()) ? "TRUE" : "FALSE");
        case "e" -> new CellValue(CellValue.Kind.ERROR, raw);
        case "d" -> new CellValue(CellValue.Kind.DATE, raw);
        default -> CellValue.text(raw);
      };
    }

    private boolean isDateStyle() {
      if (style < 0 || styles == null || style >= styles.getNumCellStyles()) {
        return false;
      }
      XSSFCellStyle cellStyle = styles.getStyleAt(style);
      return DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
    }

    private static int parseRow(String r) {
      int row = Integer.parseInt(r);
      if (row < 1 || row > MAX_ROW) {
        throw new SheetRefused(
            "the sheet claims a row " + r + ", beyond Excel's last row; refused");
      }
      return row;
    }

    private static int columnOf(String ref) {
      String letters = ref.replaceAll("\\d", "");
      if (letters.length() > 3) {
        throw new SheetRefused(
            "the sheet claims a cell " + ref + ", beyond Excel's last column; refused");
      }
      int index = CellReference.convertColStringToIndex(letters);
      if (index < 0 || index > MAX_COLUMN) {
        throw new SheetRefused(
            "the sheet claims a cell " + ref + ", beyond Excel's last column; refused");
      }
      return index;
    }
  }
}
