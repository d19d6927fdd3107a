package io.tradebridge.brokers.upstox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tradebridge.brokers.control.OrderTag;
import io.tradebridge.orders.entity.Order;
import io.tradebridge.orders.entity.OrderChange;
import io.tradebridge.orders.entity.OrderStatus;
import io.tradebridge.orders.entity.OrderType;
import io.tradebridge.orders.entity.ProductType;
import io.tradebridge.orders.entity.Sent;
import io.tradebridge.orders.entity.Side;
import io.tradebridge.orders.entity.Validity;
import io.tradebridge.orders.entity.Variety;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UpstoxOrdersTest {

  private static final String ID = "0190f1c2-7b3a-7cde-8f01-23456789abcd";

  @Test
  void aStopLossSellIsSentAsUpstoxJsonUnderTheInstrumentKeyWithOurTag() {
    JsonObject body =
        UpstoxOrders.placement(
            order(OrderType.STOP_LOSS, ProductType.DELIVERY), "NSE_EQ|INE062A01020");

    assertEquals("NSE_EQ|INE062A01020", body.getString("instrument_token"));
    assertEquals("SELL", body.getString("transaction_type"));
    assertEquals("SL", body.getString("order_type"));
    assertEquals("D", body.getString("product"));
    assertEquals(new BigDecimal("469.50"), body.getJsonNumber("price").bigDecimalValue());
    assertEquals(new BigDecimal("470.00"), body.getJsonNumber("trigger_price").bigDecimalValue());
    assertEquals(10, body.getInt("quantity"));
    assertEquals(OrderTag.of(ID), body.getString("tag"));
    assertEquals(false, body.getBoolean("is_amo"));
  }

  @Test
  void aMarketOrderSendsZeroPricesAsUpstoxExpectsAndIntradayIsI() {
    JsonObject body =
        UpstoxOrders.placement(order(OrderType.MARKET, ProductType.INTRADAY), "NSE_EQ|X");
    assertEquals("MARKET", body.getString("order_type"));
    assertEquals("I", body.getString("product"));
    assertEquals(0, body.getJsonNumber("price").bigDecimalValue().signum());
    assertEquals(0, body.getJsonNumber("trigger_price").bigDecimalValue().signum());
  }

  @Test
  void aModificationNamesUpstoxsOrderAndOnlyWhatMayChange() {
    JsonObject body =
        UpstoxOrders.modification(
            order(OrderType.LIMIT, ProductType.INTRADAY),
            "261206000000001",
            new OrderChange(OrderType.LIMIT, 7, new BigDecimal("468.50"), null));
    assertEquals("261206000000001", body.getString("order_id"));
    assertEquals(7, body.getInt("quantity"));
    assertEquals(new BigDecimal("468.50"), body.getJsonNumber("price").bigDecimalValue());
    assertEquals(
        java.util.Set.of(
            "quantity",
            "validity",
            "price",
            "order_id",
            "order_type",
            "disclosed_quantity",
            "trigger_price"),
        body.keySet());
  }

  @Test
  void upstoxsLowerCaseStatusesAndItsInBetweenStatesAreOurs() {
    assertEquals(OrderStatus.COMPLETE, UpstoxOrders.status("complete"));
    assertEquals(OrderStatus.CANCELLED, UpstoxOrders.status("cancelled"));
    assertEquals(OrderStatus.REJECTED, UpstoxOrders.status("rejected"));
    assertEquals(OrderStatus.TRIGGER_PENDING, UpstoxOrders.status("trigger pending"));
    assertEquals(OrderStatus.OPEN, UpstoxOrders.status("open"));
    assertEquals(OrderStatus.OPEN, UpstoxOrders.status("modify pending"));
    assertEquals(OrderStatus.OPEN, UpstoxOrders.status("put order req received"));
  }

  @Test
  void anOrderBookRowBecomesOurStateWithFillsAndUpstoxsWordsForInBetweenStates() {
    Sent.BrokerState partly =
        UpstoxOrders.state(
            Json.createObjectBuilder()
                .add("status", "open")
                .add("filled_quantity", 4)
                .add("average_price", 469.9)
                .add("status_message", "")
                .build());
    assertEquals(OrderStatus.OPEN, partly.status());
    assertEquals(4, partly.filledQuantity());
    assertEquals(0, new BigDecimal("469.9").compareTo(partly.averagePrice()));
    assertNull(partly.message());

    Sent.BrokerState pending =
        UpstoxOrders.state(
            Json.createObjectBuilder()
                .add("status", "validation pending")
                .add("filled_quantity", 0)
                .build());
    assertEquals("Upstox: validation pending", pending.message());
    assertNull(pending.averagePrice());
  }

  @Test
  void upstoxsDOnFAndOIsCarriedForwardAndOnCashIsDelivery() {
    assertEquals(ProductType.DELIVERY, UpstoxOrders.productOf("D", "NSE"));
    assertEquals(ProductType.NORMAL, UpstoxOrders.productOf("D", "NFO"));
    assertEquals(ProductType.INTRADAY, UpstoxOrders.productOf("I", "NFO"));
    assertNull(UpstoxOrders.productOf("MTF", "NSE"));
  }

  private static Order order(OrderType type, ProductType product) {
    return new Order(
        ID,
        "usr",
        "acc",
        "UPSTOX1",
        null,
        null,
        "NSE",
        "SBIN",
        Side.SELL,
        10,
        type,
        product,
        type == OrderType.MARKET ? null : new BigDecimal("469.50"),
        type == OrderType.STOP_LOSS ? new BigDecimal("470.00") : null,
        Variety.REGULAR,
        Validity.DAY,
        null,
        null,
        Instant.EPOCH);
  }
}
