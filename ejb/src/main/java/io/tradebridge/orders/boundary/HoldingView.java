package io.tradebridge.orders.boundary;

import java.math.BigDecimal;

/** A delivery position from an earlier day, settled into the account. */
public record HoldingView(
    String account,
    String exchange,
    String symbol,
    int quantity,
    BigDecimal averagePrice,
    BigDecimal lastPrice,
    BigDecimal pnl) {}
