package io.tradebridge.orders.boundary;

import io.tradebridge.orders.entity.OrderRequest;
import io.tradebridge.orders.entity.PendingAction;
import java.time.Instant;

/**
 * An action-center entry: the held order (for a change, the order as it would become, and {@code
 * modifiesOrderId} the working order it changes), and what became of it.
 */
public record ActionView(
    String actionId,
    String keyId,
    OrderRequest order,
    PendingAction.Status status,
    Instant createdAt,
    String orderId,
    String reason,
    String modifiesOrderId) {}
