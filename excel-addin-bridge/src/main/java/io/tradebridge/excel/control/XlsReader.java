package io.tradebridge.excel.control;

import io.tradebridge.excel.entity.CellValue;
import io.tradebridge.excel.entity.WorkbookRejected;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.NumberToTextConverter;

/**
 * Old {@code .xls} (BIFF8) files: at most 65,536 rows, so the whole-workbook model is affordable.
 */
final class XlsReader {

  private XlsReader() {}

  static void read(POIFSFileSystem fs, Path file, String sheetName, RowAssembler rows)
      throws IOException, WorkbookRejected {
    try (HSSFWorkbook workbook = new HSSFWorkbook(fs.getRoot(), false)) {
      Sheet sheet = null;
      List<String> names = new ArrayList<>();
      for (Sheet candidate : workbook) {
        names.add(candidate.getSheetName());
        if (candidate.getSheetName().equalsIgnoreCase(sheetName)) {
          sheet = candidate;
          break;
        }
      }
      if (sheet == null) {
        throw new WorkbookRejected(
            "the workbook has no sheet named '"
                + sheetName
                + "' (it has "
                + String.join(", ", names)
                + "); choose one with --sheet");
      }
      for (Row row : sheet) {
        for (Cell cell : row) {
          CellValue value = valueOf(cell);
          if (value != null) {
            rows.cell(row.getRowNum() + 1, cell.getColumnIndex(), value);
          }
        }
        rows.endRow();
      }
    }
  }

  private static CellValue valueOf(Cell cell) {
    CellType type =
        cell.getCellType() == CellType.FORMULA
            ? cell.getCachedFormulaResultType()
            : cell.getCellType();
    return switch (type) {
      case STRING -> CellValue.text(cell.getStringCellValue());
      case NUMERIC ->
          DateUtil.isCellDateFormatted(cell)
              ? new CellValue(
                  CellValue.Kind.DATE, NumberToTextConverter.toText(cell.getNumericCellValue()))
              : CellValue.number(NumberToTextConverter.toText(cell.getNumericCellValue()));
      case BOOLEAN ->
          new CellValue(CellValue.Kind.BOOLEAN, cell.getBooleanCellValue() ? "TRUE" : "FALSE");
      case ERROR ->
          new CellValue(
              CellValue.Kind.ERROR, FormulaError.forInt(cell.getErrorCellValue()).getString());
      default -> null;
    };
  }
}
