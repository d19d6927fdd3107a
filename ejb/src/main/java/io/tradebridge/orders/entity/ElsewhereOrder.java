package io.tradebridge.orders.entity;

import java.math.BigDecimal;

/**
 * An order a remote broker holds that Tradebridge never sent — placed at the broker's own terminal
 * or by another app — in our words: what it is and how it stands. Kept in our book so that a copy
 * rule whose master trades at the terminal copies it (API.md, "Groups and copy trading").
 */
public record ElsewhereOrder(
    String brokerOrderId,
    String exchange,
    String symbol,
    Side side,
    int quantity,
    OrderType orderType,
    ProductType productType,
    BigDecimal price,
    BigDecimal triggerPrice,
    Validity validity,
    Sent.BrokerState state) {}
