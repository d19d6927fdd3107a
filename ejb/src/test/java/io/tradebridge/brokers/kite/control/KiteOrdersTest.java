package io.tradebridge.brokers.kite.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.orders.entity.Order;
import io.tradebridge.orders.entity.OrderStatus;
import io.tradebridge.orders.entity.OrderType;
import io.tradebridge.orders.entity.ProductType;
import io.tradebridge.orders.entity.Side;
import io.tradebridge.orders.entity.Validity;
import io.tradebridge.orders.entity.Variety;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KiteOrdersTest {

  private static final String ID = "0190f1c2-7b3a-7cde-8f01-23456789abcd";

  @Test
  void aStopLossSellIsSentInKitesWordsWithItsTag() {
    Order order = order(OrderType.STOP_LOSS, ProductType.DELIVERY, Variety.REGULAR);

    Map<String, String> form = KiteOrders.placement(order, "SBIN");

    assertEquals("SELL", form.get("transaction_type"));
    assertEquals("SL", form.get("order_type"));
    assertEquals("CNC", form.get("product"));
    assertEquals("469.50", form.get("price"));
    assertEquals("470.00", form.get("trigger_price"));
    assertEquals("DAY", form.get("validity"));
    assertEquals(KiteOrders.tag(ID), form.get("tag"));
  }

  @Test
  void theTagIsOursFitsKitesTwentyCharactersAndEndsLikeOurId() {
    String tag = KiteOrders.tag(ID);
    assertEquals(20, tag.length());
    assertTrue(tag.startsWith("tb"));
    assertTrue(ID.replace("-", "").endsWith(tag.substring(2)));
  }

  @Test
  void bracketOrdersAreRefusedSayingWhatKiteStillOffers() {
    TradebridgeException e =
        assertThrows(
            TradebridgeException.class,
            () -> KiteOrders.variety(order(OrderType.LIMIT, ProductType.INTRADAY, Variety.BO)));
    assertTrue(e.detail().contains("cover order (CO)"), e.detail());
    assertEquals(
        "co", KiteOrders.variety(order(OrderType.MARKET, ProductType.INTRADAY, Variety.CO)));
  }

  @Test
  void kitesInBetweenStatesAreWorkingOrders() {
    assertEquals(OrderStatus.TRIGGER_PENDING, KiteOrders.status("TRIGGER PENDING"));
    assertEquals(OrderStatus.OPEN, KiteOrders.status("MODIFY VALIDATION PENDING"));
    assertEquals(OrderStatus.OPEN, KiteOrders.status("AMO REQ RECEIVED"));
    assertEquals(OrderStatus.COMPLETE, KiteOrders.status("COMPLETE"));
    assertEquals(OrderStatus.REJECTED, KiteOrders.status("REJECTED"));
    assertEquals(OrderStatus.CANCELLED, KiteOrders.status("CANCELLED"));
  }

  private static Order order(OrderType type, ProductType product, Variety variety) {
    return new Order(
        ID,
        "usr",
        "acc",
        "KITE1",
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
        variety,
        Validity.DAY,
        null,
        null,
        Instant.EPOCH);
  }
}
