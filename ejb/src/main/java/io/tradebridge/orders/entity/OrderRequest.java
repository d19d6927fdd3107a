package io.tradebridge.orders.entity;

import io.tradebridge.market.entity.Exchange;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * POST /api/v1/orders, in AutoTrader's vocabulary (API.md, "Orders"). The schema annotations
 * document the rules {@link io.tradebridge.orders.control.OrderChecks} enforces, for clients and
 * the contract fuzzer.
 */
public record OrderRequest(
    @Schema(required = true, minLength = 1, maxLength = 32) String account,
    @Schema(required = true) Exchange exchange,
    @Schema(required = true, minLength = 1, maxLength = 64) String symbol,
    @Schema(required = true) Side side,
    @Schema(required = true, minimum = "1") Integer quantity,
    @Schema(required = true) OrderType orderType,
    @Schema(required = true) ProductType productType,
    @Schema(minimum = "0") BigDecimal price,
    @Schema(minimum = "0") BigDecimal triggerPrice,
    Variety variety,
    Validity validity,
    @Schema(minimum = "0") BigDecimal target,
    @Schema(minimum = "0") BigDecimal stoploss,
    @Schema(minimum = "0") BigDecimal trailingStoploss,
    @Schema(minimum = "0") Integer disclosedQuantity,
    Boolean amo,
    @Schema(maxLength = 64) String strategy,
    @Schema(maxLength = 255) String comments,
    @Schema(minLength = 1, maxLength = 64, pattern = "[A-Za-z0-9._:-]{1,64}")
        String clientOrderId) {}
