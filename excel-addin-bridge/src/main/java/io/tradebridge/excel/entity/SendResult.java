package io.tradebridge.excel.entity;

/**
 * The server's answer for one order of a batch, whatever carried it (HTTP or, in the server's
 * upload, a direct call): the status that order alone would have got, and its order id, action id
 * or problem.
 *
 * @param retryAfter seconds to wait before resending, for 429
 * @param note what the row's Message cell says of a placed row (a group order's members), or null
 */
public record SendResult(
    int status,
    String orderId,
    String actionId,
    String code,
    String detail,
    Long retryAfter,
    String note) {

  public static SendResult placed(int status, String orderId, String actionId) {
    return new SendResult(status, orderId, actionId, null, null, null, null);
  }

  /**
   * A row naming a group: placed as the group order {@code groupOrderId}, {@code note} its members.
   */
  public static SendResult placedGroup(String groupOrderId, String note) {
    return new SendResult(201, groupOrderId, null, null, null, null, note);
  }

  public static SendResult problem(int status, String code, String detail, Long retryAfter) {
    return new SendResult(status, null, null, code, detail, retryAfter, null);
  }

  public boolean rateLimited() {
    return status == 429;
  }
}
