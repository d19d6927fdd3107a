package io.tradebridge.excel.control;

/**
 * A sheet we stop reading in the middle of a parse (a cell beyond Excel's limits, a column named
 * twice): unchecked so that it can leave a SAX callback, turned into a WorkbookRejected by the
 * reader.
 */
public final class SheetRefused extends RuntimeException {

  SheetRefused(String message) {
    super(message, null, false, false);
  }
}
