package io.tradebridge.orders.boundary;

import java.math.BigDecimal;

/** GET /api/v1/portfolio/summary: the account's positions in a few numbers. */
public record SummaryView(
    String account,
    BigDecimal mtm,
    BigDecimal pnl,
    int positionCount,
    int openPositionCount,
    int closedPositionCount,
    int openLongQuantity,
    int openShortQuantity) {}
