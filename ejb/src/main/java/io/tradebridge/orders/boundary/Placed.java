package io.tradebridge.orders.boundary;

/** The answer to a placement: 201 with the order, and whether it is a repeat of an earlier answer. */
public record Placed(int status, OrderView order, boolean repeated) {}
