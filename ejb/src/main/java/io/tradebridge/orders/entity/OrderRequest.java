package io.tradebridge.orders.entity;

import io.tradebridge.common.control.Text;
import io.tradebridge.market.entity.Exchange;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * POST /api/v1/orders, in AutoTrader's vocabulary (API.md, "Orders"). The Bean Validation
 * constraints are the rules of one field; {@link io.tradebridge.orders.control.OrderChecks} adds
 * those that compare fields (a price for LIMIT, none for MARKET). The schema annotations publish
 * the same rules in /openapi, for clients and the contract fuzzer.
 */
public record OrderRequest(
    @Schema(
            minLength = 1,
            maxLength = 32,
            description = "the pseudo account; required unless the order names a group")
        @Text(min = 1, max = 32)
        String account,
    @Schema(required = true) @NotNull(message = "is required") Exchange exchange,
    @Schema(required = true, minLength = 1, maxLength = 64)
        @NotNull(message = "is required")
        @Text(min = 1, max = 64)
        String symbol,
    @Schema(required = true) @NotNull(message = "is required") Side side,
    @Schema(required = true, minimum = "1")
        @NotNull(message = "is required")
        @Positive(message = "must be greater than 0")
        Integer quantity,
    @Schema(required = true) @NotNull(message = "is required") OrderType orderType,
    @Schema(required = true) @NotNull(message = "is required") ProductType productType,
    @Schema(minimum = "0") BigDecimal price,
    @Schema(minimum = "0") BigDecimal triggerPrice,
    Variety variety,
    Validity validity,
    @Schema(minimum = "0") BigDecimal target,
    @Schema(minimum = "0") BigDecimal stoploss,
    @Schema(minimum = "0") BigDecimal trailingStoploss,
    @Schema(minimum = "0") Integer disclosedQuantity,
    Boolean amo,
    @Schema(maxLength = 64) @Text(max = 64) String strategy,
    @Schema(maxLength = 255) @Text(max = 255) String comments,
    @Schema(minLength = 1, maxLength = 64, pattern = CLIENT_ORDER_ID)
        @Pattern(regexp = CLIENT_ORDER_ID, message = "must be 1-64 of A-Z a-z 0-9 . _ : -")
        String clientOrderId,
    @Schema(
            minLength = 1,
            maxLength = 32,
            description =
                "a group's name instead of account: one order per member, its quantity times the"
                    + " member's multiplier (API.md, Groups)")
        @Text(min = 1, max = 32)
        String group) {

  /** Our own idempotency key: what an Idempotency-Key header and clientOrderId may hold. */
  public static final String CLIENT_ORDER_ID = "[A-Za-z0-9._:-]{1,64}";

  /** The same order for one account (a group's member), with its own quantity and client id. */
  public OrderRequest forMember(String memberAccount, int memberQuantity, String memberClientId) {
    return copy(memberAccount, side, memberQuantity, memberClientId, null);
  }

  /** The same order with its account taken as a group's name (a workbook's Account cell). */
  public OrderRequest namingGroup() {
    return copy(null, side, quantity, clientOrderId, account);
  }

  /**
   * The same order on another side and for another quantity (a smart order's difference, a split).
   */
  public OrderRequest sized(Side newSide, int newQuantity) {
    return copy(account, newSide, newQuantity, clientOrderId, group);
  }

  private OrderRequest copy(
      String toAccount, Side toSide, int toQuantity, String toClientId, String toGroup) {
    return new OrderRequest(
        toAccount,
        exchange,
        symbol,
        toSide,
        toQuantity,
        orderType,
        productType,
        price,
        triggerPrice,
        variety,
        validity,
        target,
        stoploss,
        trailingStoploss,
        disclosedQuantity,
        amo,
        strategy,
        comments,
        toClientId,
        toGroup);
  }
}
