package io.tradebridge.excel.entity;

import java.math.BigDecimal;

/**
 * The server's answer for one order of a batch, whatever carried it (HTTP or, in the server's
 * upload, a direct call): the status that order alone would have got, and its order id, action id
 * or problem.
 *
 * @param retryAfter seconds to wait before resending, for 429
 * @param note what the row's Message cell says of a placed row (a group order's members), or null
 * @param order where a placed order stood when the answer left (a MARKET order may have filled
 *     already), or null when the server did not say
 */
public record SendResult(
    int status,
    String orderId,
    String actionId,
    String code,
    String detail,
    Long retryAfter,
    String note,
    OrderState order) {

  /**
   * A placed order's state in the answer.
   *
   * @param averagePrice null until something filled
   */
  public record OrderState(
      String status, String message, Long filledQuantity, BigDecimal averagePrice) {

    /** The state a batch row tells of, or null when the row did not say ({@code status} null). */
    public static OrderState of(
        String status, String message, Number filledQuantity, BigDecimal averagePrice) {
      return status == null
          ? null
          : new OrderState(
              status,
              message,
              filledQuantity == null ? null : filledQuantity.longValue(),
              averagePrice);
    }
  }

  public static SendResult placed(int status, String orderId, String actionId) {
    return placed(status, orderId, actionId, null);
  }

  public static SendResult placed(int status, String orderId, String actionId, OrderState order) {
    return new SendResult(status, orderId, actionId, null, null, null, null, order);
  }

  /**
   * A row naming a group: placed as the group order {@code groupOrderId}, {@code note} its members.
   */
  public static SendResult placedGroup(String groupOrderId, String note) {
    return new SendResult(201, groupOrderId, null, null, null, null, note, null);
  }

  public static SendResult problem(int status, String code, String detail, Long retryAfter) {
    return new SendResult(status, null, null, code, detail, retryAfter, null, null);
  }

  public boolean rateLimited() {
    return status == 429;
  }
}
