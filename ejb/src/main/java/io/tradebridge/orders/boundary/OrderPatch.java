package io.tradebridge.orders.boundary;

import io.tradebridge.orders.entity.OrderType;
import java.math.BigDecimal;

/** PATCH /api/v1/orders/{orderId}: only the fields present change. */
public record OrderPatch(
    OrderType orderType, Integer quantity, BigDecimal price, BigDecimal triggerPrice) {}
