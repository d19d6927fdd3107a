package io.tradebridge.orders.boundary;

import io.tradebridge.orders.entity.Order;
import io.tradebridge.orders.entity.OrderStatus;
import io.tradebridge.orders.entity.OrderType;
import io.tradebridge.orders.entity.ProductType;
import io.tradebridge.orders.entity.Side;
import io.tradebridge.orders.entity.Validity;
import io.tradebridge.orders.entity.Variety;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** An order as the API shows it. */
public record OrderView(
    String orderId,
    String clientOrderId,
    String account,
    String exchange,
    String symbol,
    Side side,
    int quantity,
    int filledQuantity,
    int pendingQuantity,
    BigDecimal averagePrice,
    OrderType orderType,
    ProductType productType,
    BigDecimal price,
    BigDecimal triggerPrice,
    Variety variety,
    Validity validity,
    OrderStatus status,
    String statusMessage,
    String parentOrderId,
    String brokerOrderId,
    Instant createdAt,
    Instant updatedAt,
    String group,
    String groupOrderId,
    String copiedFrom) {

  public static OrderView of(Order o) {
    return new OrderView(
        o.id(),
        o.clientOrderId(),
        o.pseudoAccount(),
        o.exchange(),
        o.symbol(),
        o.side(),
        o.quantity(),
        o.filledQuantity(),
        o.pendingQuantity(),
        o.averagePrice().setScale(2, RoundingMode.HALF_UP),
        o.orderType(),
        o.productType(),
        o.price(),
        o.triggerPrice(),
        o.variety(),
        o.validity(),
        o.status(),
        o.statusMessage(),
        o.parentOrderId(),
        o.brokerOrderId(),
        o.createdAt(),
        o.updatedAt(),
        o.lineage().group(),
        o.lineage().groupOrderId(),
        o.lineage().copiedFrom());
  }
}
