package io.tradebridge.orders.boundary;

import io.tradebridge.orders.control.Exchange;
import io.tradebridge.orders.control.OrderType;
import io.tradebridge.orders.control.ProductType;
import io.tradebridge.orders.control.Side;
import io.tradebridge.orders.control.Validity;
import io.tradebridge.orders.control.Variety;
import java.math.BigDecimal;

/** POST /api/v1/orders, in AutoTrader's vocabulary (API.md, "Orders"). */
public record OrderRequest(String account, Exchange exchange, String symbol, Side side, Integer quantity,
    OrderType orderType, ProductType productType, BigDecimal price, BigDecimal triggerPrice, Variety variety,
    Validity validity, BigDecimal target, BigDecimal stoploss, BigDecimal trailingStoploss, Integer disclosedQuantity,
    Boolean amo, String strategy, String comments, String clientOrderId) {}
