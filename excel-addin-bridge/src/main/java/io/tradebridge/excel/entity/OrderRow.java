package io.tradebridge.excel.entity;

import java.math.BigDecimal;

/**
 * A checked order row, in API.md's vocabulary with aliases resolved ("MIS" is INTRADAY here), ready
 * to send. Optional fields are null when the cell is empty; defaults are the server's (REGULAR,
 * DAY).
 */
public record OrderRow(
    int rowNumber,
    String account,
    String exchange,
    String symbol,
    String side,
    long quantity,
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
