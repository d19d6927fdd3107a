package io.tradebridge.orders.boundary;

import io.tradebridge.market.entity.Exchange;
import io.tradebridge.orders.entity.ProductType;

/**
 * POST /api/v1/positions/square-off (all fields) and /api/v1/portfolio/square-off (account and
 * category only). Category DAY closes what today's trades opened; NET (the default) everything.
 */
public record SquareOffRequest(
    String account,
    Exchange exchange,
    String symbol,
    ProductType productType,
    Portfolio.Category category) {}
