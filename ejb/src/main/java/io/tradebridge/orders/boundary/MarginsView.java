package io.tradebridge.orders.boundary;

import java.math.BigDecimal;

/**
 * GET /api/v1/margins: capital, what is free to trade with, and what open positions and orders
 * block.
 */
public record MarginsView(
    String account, BigDecimal totalCapital, BigDecimal availableCash, BigDecimal utilisedMargin) {}
