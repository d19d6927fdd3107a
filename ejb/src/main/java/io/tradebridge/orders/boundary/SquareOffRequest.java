package io.tradebridge.orders.boundary;

import io.tradebridge.common.control.Text;
import io.tradebridge.market.entity.Exchange;
import io.tradebridge.orders.entity.ProductType;

/**
 * POST /api/v1/positions/square-off (all fields) and /api/v1/portfolio/square-off (account or
 * group, and category). Category DAY closes what today's trades opened; NET (the default)
 * everything. Which of exchange, symbol and product type are required depends on the path:
 * SquareOff says so.
 */
public record SquareOffRequest(
    @Text(min = 1, max = 32) String account,
    Exchange exchange,
    @Text(min = 1, max = 64) String symbol,
    ProductType productType,
    Portfolio.Category category,
    @Text(min = 1, max = 32) String group) {}
