package io.tradebridge.excel.entity;

import java.math.BigDecimal;

/**
 * An order as the server knows it now, for {@code status}: what a sent row's cells are refreshed
 * from. {@code groupOrderId} names the group order it is a member's order of (a row that named a
 * group holds that id), or is null.
 */
public record OrderState(
    String orderId,
    String clientOrderId,
    String status,
    long filledQuantity,
    BigDecimal averagePrice,
    String statusMessage,
    String account,
    String groupOrderId) {}
