package io.tradebridge.excel.entity;

/**
 * A workbook the bridge will not read (corrupt, password-protected, hostile, no Orders sheet), with
 * a message for the trader. Raised before any order leaves.
 */
public class WorkbookRejected extends Exception {

  public WorkbookRejected(String message) {
    super(message);
  }

  public WorkbookRejected(String message, Throwable cause) {
    super(message, cause);
  }
}
