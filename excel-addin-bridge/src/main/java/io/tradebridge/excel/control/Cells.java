package io.tradebridge.excel.control;

import javax.xml.namespace.QName;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.xmlbeans.XmlCursor;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCell;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTRst;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType;

/**
 * Writes text into a cell. In an {@code .xlsx} it goes in as an inline string: POI's shared-strings
 * table serialises every added string to XML just to look it up, which made writing back a
 * 10,000-row run's ids, statuses and ledger its single largest cost. Excel and LibreOffice read inline
 * strings as any other text (Excel moves them into its table on its next save).
 */
final class Cells {

  private static final QName XML_SPACE = new QName("http://www.w3.org/XML/1998/namespace", "space");

  private Cells() {}

  static void text(Cell cell, String value) {
    if (!(cell instanceof XSSFCell xssf) || cell.getCellType() == CellType.FORMULA) {
      // .xls, or a formula whose cached result is what we may set: POI's own way.
      cell.setCellValue(value);
      return;
    }
    CTCell ct = xssf.getCTCell();
    if (!ct.isSetS()) {
      inheritStyle(xssf);
    }
    if (ct.isSetV()) {
      ct.unsetV();
    }
    ct.setT(STCellType.INLINE_STR);
    CTRst inline = ct.isSetIs() ? ct.getIs() : ct.addNewIs();
    while (inline.sizeOfRArray() > 0) {
      inline.removeR(0);
    }
    inline.setT(value);
    if (!value.isEmpty() && (Character.isWhitespace(value.charAt(0))
        || Character.isWhitespace(value.charAt(value.length() - 1)))) {
      try (XmlCursor cursor = inline.xgetT().newCursor()) {
        cursor.toNextToken();
        cursor.insertAttributeWithValue(XML_SPACE, "preserve");
      }
    }
  }

  /** What POI does for a new cell: the row's style, else the column's, so a formatted column stays so. */
  private static void inheritStyle(XSSFCell cell) {
    CellStyle style = cell.getRow().isFormatted() ? cell.getRow().getRowStyle()
        : cell.getSheet().getColumnStyle(cell.getColumnIndex());
    if (style != null && style.getIndex() != 0) {
      cell.setCellStyle(style);
    }
  }
}
