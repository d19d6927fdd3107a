package io.tradebridge.orders.boundary;

import io.tradebridge.orders.entity.PendingAction;
import java.time.Instant;

/** An action-center entry: the held order, and what became of it. */
public record ActionView(String actionId, String keyId, OrderRequest order, PendingAction.Status status,
    Instant createdAt, String orderId, String reason) {}
