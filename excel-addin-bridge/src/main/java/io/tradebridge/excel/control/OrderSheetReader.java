package io.tradebridge.excel.control;

import io.tradebridge.excel.entity.SheetRow;
import io.tradebridge.excel.entity.WorkbookRejected;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Reads the order sheet of a workbook, streaming: {@code .xlsx}/{@code .xlsm} through the SAX event
 * model (memory bounded by one row, not the sheet), {@code .xls} through HSSF (a format that cannot
 * exceed 65,536 rows). The format is told by the file's first bytes, not its name. Anything that is
 * not a readable, unprotected workbook ends in {@link WorkbookRejected} with a message for the
 * trader.
 */
public final class OrderSheetReader {

  public static final String DEFAULT_SHEET = "Orders";

  /** Receives the header once, then each non-empty row below it, in order. */
  public interface RowSink {
    void header(HeaderMap header);

    void row(SheetRow row);
  }

  private OrderSheetReader() {}

  /**
   * @return the header (never null: a sheet without one is rejected)
   */
  public static HeaderMap read(Path file, String sheetName, RowSink sink) throws WorkbookRejected {
    PoiLimits.apply();
    FileMagic magic;
    try (InputStream in =
        FileMagic.prepareToCheckMagic(new BufferedInputStream(Files.newInputStream(file)))) {
      magic = FileMagic.valueOf(in);
    } catch (NoSuchFileException e) {
      throw new WorkbookRejected(file + " does not exist");
    } catch (IOException e) {
      throw new WorkbookRejected(file + " cannot be read: " + e.getMessage(), e);
    }
    RowAssembler rows = new RowAssembler(sink);
    switch (magic) {
      case OOXML -> XlsxStreamer.stream(file, sheetName, rows);
      case OLE2 -> readOle2(file, sheetName, rows);
      default ->
          throw new WorkbookRejected(
              file.getFileName()
                  + " is not an Excel workbook (.xlsx, .xlsm or .xls)"
                  + (magic == FileMagic.UNKNOWN ? "" : "; it looks like " + magic.name()));
    }
    rows.endRow();
    if (rows.header() == null) {
      throw new WorkbookRejected(
          "the sheet '"
              + sheetName
              + "' is empty: it needs a header row (Account, Exchange,"
              + " Symbol, Side, Quantity, OrderType, ProductType, …)");
    }
    return rows.header();
  }

  /** Refuses a file that is not an unprotected workbook, before it is loaded whole. */
  public static void probe(Path file) throws WorkbookRejected {
    PoiLimits.apply();
    FileMagic magic;
    try (InputStream in =
        FileMagic.prepareToCheckMagic(new BufferedInputStream(Files.newInputStream(file)))) {
      magic = FileMagic.valueOf(in);
    } catch (IOException e) {
      throw new WorkbookRejected(file + " cannot be read: " + e.getMessage(), e);
    }
    if (magic == FileMagic.OLE2) {
      try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
        if (fs.getRoot().hasEntry("EncryptionInfo") || fs.getRoot().hasEntry("EncryptedPackage")) {
          throw passwordProtected(file);
        }
      } catch (IOException | RuntimeException e) {
        throw new WorkbookRejected(
            file.getFileName() + " is damaged (" + Messages.brief(e) + ")", e);
      }
    } else if (magic != FileMagic.OOXML) {
      throw new WorkbookRejected(
          file.getFileName() + " is not an Excel workbook (.xlsx, .xlsm or .xls)");
    }
  }

  /** Old .xls, or an encrypted OOXML file, which is stored inside an OLE2 container. */
  private static void readOle2(Path file, String sheetName, RowAssembler rows)
      throws WorkbookRejected {
    try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
      if (fs.getRoot().hasEntry("EncryptionInfo") || fs.getRoot().hasEntry("EncryptedPackage")) {
        throw passwordProtected(file);
      }
      XlsReader.read(fs, file, sheetName, rows);
    } catch (EncryptedDocumentException e) {
      throw passwordProtected(file);
    } catch (SheetRefused e) {
      throw new WorkbookRejected(e.getMessage());
    } catch (IOException | RuntimeException e) {
      throw new WorkbookRejected(
          file.getFileName()
              + " is damaged or not a workbook Excel can open ("
              + Messages.brief(e)
              + ")",
          e);
    }
  }

  static WorkbookRejected passwordProtected(Path file) {
    return new WorkbookRejected(
        file.getFileName()
            + " is password-protected; save a copy without a password"
            + " (File > Info > Protect Workbook > Encrypt with Password, clear it) and use that");
  }
}
