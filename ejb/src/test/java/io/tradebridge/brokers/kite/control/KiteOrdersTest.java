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

  private static jakarta.json.JsonObjectBuilder bookRow(String tag) {
    jakarta.json.JsonObjectBuilder row =
        jakarta.json.Json.createObjectBuilder()
            .add("order_id", "261205000000042")
            .addNull("parent_order_id")
            .add("status", "OPEN")
            .add("exchange", "NFO")
            .add("tradingsymbol", "BANKNIFTY26JUNFUT")
            .add("order_type", "SL")
            .add("transaction_type", "SELL")
            .add("validity", "DAY")
            .add("product", "NRML")
            .add("quantity", 30)
            .add("price", 51900)
            .add("trigger_price", 51950)
            .add("average_price", 0)
            .add("filled_quantity", 0);
    return tag == null ? row.addNull("tag") : row.add("tag", tag);
  }

  @Test
  void aTerminalOrderInKitesBookIsReadInOurWordsAndOursAndLegsAreLeftOut() {
    java.util.function.BinaryOperator<String> ours =
        (exchange, kite) -> kite.equals("BANKNIFTY26JUNFUT") ? "BANKNIFTY_25-JUN-2026_FUT" : kite;
    io.tradebridge.orders.entity.ElsewhereOrder e =
        KiteOrders.elsewhere(bookRow(null).build(), ours).orElseThrow();
    assertEquals("261205000000042", e.brokerOrderId());
    assertEquals("BANKNIFTY_25-JUN-2026_FUT", e.symbol());
    assertEquals(Side.SELL, e.side());
    assertEquals(OrderType.STOP_LOSS, e.orderType());
    assertEquals(ProductType.NORMAL, e.productType());
    assertEquals(0, new BigDecimal("51950").compareTo(e.triggerPrice()));
    assertEquals(OrderStatus.OPEN, e.state().status());
    assertTrue(KiteOrders.elsewhere(bookRow(KiteOrders.tag(ID)).build(), ours).isEmpty(), "ours");
    assertTrue(
        KiteOrders.elsewhere(bookRow("myalgo").build(), ours).isPresent(), "another app's tag");
    assertTrue(
        KiteOrders.elsewhere(bookRow(null).add("parent_order_id", "2612").build(), ours).isEmpty(),
        "a leg");
    assertTrue(
        KiteOrders.elsewhere(bookRow(null).add("product", "MTF").build(), ours).isEmpty(),
        "a product we do not trade");
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
