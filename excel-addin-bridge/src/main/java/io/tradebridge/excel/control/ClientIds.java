package io.tradebridge.excel.control;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * Client order ids for rows (WORKBOOK.md, "Never twice"). A derived id names the workbook, the
 * sheet, the row and the generation — {@code xl.<workbook id>.<sheet>.r12.g1} — within the API's 64
 * characters of {@code [A-Za-z0-9._:-]}: the sheet, whose name may hold any character, by its
 * CRC32.
 */
public final class ClientIds {

  static final int MAX_LENGTH = 64;

  private ClientIds() {}

  public static String derived(String workbookId, String sheet, int row, int generation) {
    CRC32 crc = new CRC32();
    crc.update(sheet.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    return "xl."
        + workbookId.replace("-", "")
        + "."
        + String.format("%08x", crc.getValue())
        + ".r"
        + row
        + ".g"
        + generation;
  }

  /**
   * The trader's own id for a generation: as typed the first time, with {@code .gN} after it when
   * the row is sent again; null when that would exceed 64 characters.
   */
  public static String own(String cell, int generation) {
    String id = generation == 1 ? cell : cell + ".g" + generation;
    return id.length() <= MAX_LENGTH ? id : null;
  }

  /** The key the ledger keeps a row under: its own id when it has one, else its row number. */
  public static String ledgerKey(String ownId, int row) {
    return ownId != null ? "id:" + ownId : "row:" + row;
  }
}
