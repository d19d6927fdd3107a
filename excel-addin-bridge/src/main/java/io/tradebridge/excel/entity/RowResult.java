package io.tradebridge.excel.entity;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * What the bridge writes back into a row's output columns. Null fields leave their cell alone,
 * except {@code message}, which is cleared when null so an old error never sits beside a new
 * success. {@code submittedAt} is a wall-clock time (an Excel date-time has no zone): the
 * command-line tool's in the trader's own zone, the server's upload in the exchange's.
 */
public record RowResult(
    String status,
    String orderId,
    String message,
    LocalDateTime submittedAt,
    Long filledQuantity,
    BigDecimal averagePrice) {

  /** Statuses that mean "look at this row": coloured in the sheet. */
  public boolean isProblem() {
    return "INVALID".equals(status) || "ERROR".equals(status) || "REJECTED".equals(status);
  }

  public static RowResult sent(String status, String orderId, String message, LocalDateTime at) {
    return new RowResult(status, orderId, message, at, null, null);
  }

  public static RowResult invalid(String message) {
    return new RowResult("INVALID", null, message, null, null, null);
  }

  public static RowResult error(String message) {
    return new RowResult("ERROR", null, message, null, null, null);
  }
}
