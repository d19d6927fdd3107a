package io.tradebridge.orders.entity;

import java.math.BigDecimal;

/**
 * What a working order becomes after a modification, checked like a new order of that shape: its
 * type, total quantity and prices (null where the type has none).
 */
public record OrderChange(OrderType type, int quantity, BigDecimal price, BigDecimal trigger) {}
