package io.tradebridge.excel.control;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.IOUtils;

/**
 * Bounds for untrusted workbooks (WORKBOOK.md, "Hostile files"), set once for the process: a zip
 * entry may not expand more than 100 times its compressed size (POI's zip-bomb check) nor beyond 1
 * GiB, a single record or part read into memory is at most 200 MB. XML is parsed by POI's hardened
 * parsers: no DOCTYPE, no external entities, no entity expansion.
 */
final class PoiLimits {

  static final long MAX_ENTRY_BYTES = 1L << 30;
  private static volatile boolean applied;

  private PoiLimits() {}

  static void apply() {
    if (applied) {
      return;
    }
    ZipSecureFile.setMinInflateRatio(0.01);
    ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    IOUtils.setByteArrayMaxOverride(200_000_000);
    applied = true;
  }
}
