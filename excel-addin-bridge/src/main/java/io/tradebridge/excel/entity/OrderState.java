package io.tradebridge.excel.entity;

import java.math.BigDecimal;

/**
 * An order as the server knows it now, for {@code status}: what a sent row's cells are refreshed
 * from.
 */
public record OrderState(
    String orderId,
    String clientOrderId,
    String status,
    long filledQuantity,
    BigDecimal averagePrice,
    String statusMessage) {}
