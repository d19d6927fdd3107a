package io.tradebridge.excel.client;

import java.math.BigDecimal;
import java.util.List;

/**
 * The API's JSON as the bridge reads and writes it (API.md); fields the bridge does not use are
 * left out.
 */
public final class Wire {

  private Wire() {}

  /** {@code GET /api/v1/ping}. */
  public record Ping(
      String status, String userId, String keyId, String environment, List<String> permissions) {}

  /** One order of {@code POST /api/v1/orders/batch}; null fields are not sent. */
  public record OrderBody(
      String account,
      String exchange,
      String symbol,
      String side,
      Long quantity,
      String orderType,
      String productType,
      BigDecimal price,
      BigDecimal triggerPrice,
      String variety,
      String validity,
      BigDecimal target,
      BigDecimal stoploss,
      BigDecimal trailingStoploss,
      Long disclosedQuantity,
      String strategy,
      String comments,
      String clientOrderId) {}

  public record Batch(List<OrderBody> orders) {}

  public record BatchAnswer(List<BatchRow> results) {}

  /**
   * A batch row's answer; a row that named a group has {@code groupOrderId} and one entry per
   * member in {@code orders}; a placed order's row says where it stands ({@code orderStatus}, ...).
   */
  public record BatchRow(
      int index,
      int status,
      String orderId,
      String actionId,
      Problem problem,
      String groupOrderId,
      List<BatchMember> orders,
      String orderStatus,
      String statusMessage,
      Long filledQuantity,
      BigDecimal averagePrice) {}

  /** One member's order of a group row. */
  public record BatchMember(
      String account,
      Integer quantity,
      int status,
      String orderId,
      String actionId,
      Problem problem) {}

  /** RFC 9457 problem details with the API's code. */
  public record Problem(
      String type,
      String title,
      Integer status,
      String code,
      String detail,
      List<FieldError> errors,
      Long retryAfter) {}

  public record FieldError(String field, String message) {}

  /** {@code GET /api/v1/orders}. */
  public record Order(
      String orderId,
      String clientOrderId,
      String account,
      String exchange,
      String symbol,
      String side,
      Long quantity,
      Long filledQuantity,
      Long pendingQuantity,
      BigDecimal averagePrice,
      String orderType,
      String productType,
      BigDecimal price,
      BigDecimal triggerPrice,
      String variety,
      String validity,
      String status,
      String statusMessage,
      String createdAt,
      String updatedAt,
      String groupOrderId) {}

  /** {@code GET /api/v1/positions}. */
  public record Position(
      String account,
      String exchange,
      String symbol,
      String productType,
      Long netQuantity,
      Long buyQuantity,
      Long sellQuantity,
      BigDecimal buyAveragePrice,
      BigDecimal sellAveragePrice,
      BigDecimal lastPrice,
      BigDecimal realisedPnl,
      BigDecimal unrealisedPnl,
      BigDecimal pnl) {}

  /** {@code GET /api/v1/holdings}. */
  public record Holding(
      String account,
      String exchange,
      String symbol,
      Long quantity,
      BigDecimal averagePrice,
      BigDecimal lastPrice,
      BigDecimal pnl) {}

  /** {@code GET /api/v1/trading-accounts}. */
  public record TradingAccount(
      String id,
      String pseudoAccount,
      String broker,
      String loginId,
      Boolean live,
      String lastValidatedAt,
      String validationStatus) {}
}
