package io.tradebridge.orders.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tradebridge.common.control.FieldError;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.market.entity.Exchange;
import io.tradebridge.orders.entity.OrderRequest;
import io.tradebridge.orders.entity.OrderType;
import io.tradebridge.orders.entity.ProductType;
import io.tradebridge.orders.entity.Side;
import io.tradebridge.orders.entity.Variety;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderChecksTest {

  @Test
  void aWellFormedLimitOrderPasses() {
    assertDoesNotThrow(() -> OrderChecks.check(limit("PAPER1", "INFY", 10, "1500", null)));
  }

  @Test
  void anEmptyOrderNamesEveryMissingFieldTopToBottom() {
    OrderRequest empty =
        new OrderRequest(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null);

    assertEquals(
        List.of(
            "account is required (or name a group)",
            "exchange is required",
            "symbol is required",
            "side is required",
            "quantity is required",
            "orderType is required",
            "productType is required"),
        messages(empty));
  }

  @Test
  void fieldRulesAndCrossFieldRulesAreReportedTogether() {
    OrderRequest bad = limit(" ", "INFY", 0, null, "has space");

    assertEquals(
        List.of(
            "account must not be blank",
            "quantity must be greater than 0",
            "clientOrderId must be 1-64 of A-Z a-z 0-9 . _ : -",
            "price is required for LIMIT orders and must be greater than 0"),
        messages(bad));
  }

  @Test
  void tooLongTextsSayTheirLimit() {
    OrderRequest bad = limit("P".repeat(33), "S".repeat(65), 1, "10", null);

    assertEquals(
        List.of("account must be at most 32 characters", "symbol must be at most 64 characters"),
        messages(bad));
  }

  @Test
  void theEntryOfABracketOrderIsMarketOrLimitNeverAStop() {
    OrderRequest r = limit("PAPER1", "INFY", 10, "1500", null);
    OrderRequest stopEntry =
        new OrderRequest(
            r.account(),
            r.exchange(),
            r.symbol(),
            r.side(),
            r.quantity(),
            OrderType.STOP_LOSS,
            r.productType(),
            r.price(),
            new BigDecimal("1490"),
            Variety.BO,
            null,
            new BigDecimal("20"),
            new BigDecimal("10"),
            null,
            null,
            null,
            null,
            null,
            null,
            null);

    assertEquals(
        List.of("orderType must be MARKET or LIMIT for the entry of a BO order"),
        messages(stopEntry));
  }

  private static List<String> messages(OrderRequest request) {
    TradebridgeException e =
        assertThrows(TradebridgeException.class, () -> OrderChecks.check(request));
    return e.errors().stream().map(OrderChecksTest::line).toList();
  }

  private static String line(FieldError error) {
    return error.field() + " " + error.message();
  }

  private static OrderRequest limit(
      String account, String symbol, int quantity, String price, String clientOrderId) {
    return new OrderRequest(
        account,
        Exchange.NSE,
        symbol,
        Side.BUY,
        quantity,
        OrderType.LIMIT,
        ProductType.INTRADAY,
        price == null ? null : new BigDecimal(price),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        clientOrderId,
        null);
  }
}
