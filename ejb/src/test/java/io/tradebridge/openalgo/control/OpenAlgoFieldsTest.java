package io.tradebridge.openalgo.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpenAlgoFieldsTest {

  private static OpenAlgoFields of(String json) {
    return new OpenAlgoFields(Json.createReader(new StringReader(json)).readObject());
  }

  @Test
  void numbersComeAsJsonNumbersOrAsTheStringsOpenAlgosSdkSends() {
    OpenAlgoFields f = of("{\"quantity\":\"10\",\"price\":16.5,\"trigger_price\":\"0\"}");
    assertEquals(10, f.quantity("quantity", true));
    assertEquals(new BigDecimal("16.5"), f.price("price"));
    assertNull(f.price("trigger_price"), "zero is no price to our order model");
    assertFalse(f.hasErrors());
    assertEquals(3, of("{\"quantity\":3.0}").quantity("quantity", true), "a float of whole units");
  }

  @Test
  void absentOptionalFieldsTakeOpenAlgosDefaults() {
    OpenAlgoFields f = of("{}");
    assertEquals("MARKET", f.oneOf("pricetype", "MARKET", OpenAlgoWords.PRICE_TYPES));
    assertEquals("MIS", f.oneOf("product", "MIS", OpenAlgoWords.PRODUCTS));
    assertNull(f.price("price"));
    assertFalse(f.hasErrors());
  }

  @Test
  void problemsAreWordedAsOpenAlgosServerWordsThem() {
    OpenAlgoFields f = of("{\"action\":\"HOLD\",\"quantity\":\"ten\",\"colour\":\"red\"}");
    f.only(Set.of("action", "quantity", "symbol"));
    f.text("symbol", null);
    f.oneOf("action", null, OpenAlgoWords.ACTIONS);
    f.quantity("quantity", true);
    assertEquals(
        "{'colour': ['Unknown field.'], 'symbol': ['Missing data for required field.'],"
            + " 'action': ['Must be one of: BUY, SELL, buy, sell.'],"
            + " 'quantity': ['Not a valid number.']}",
        f.message());
  }

  @Test
  void aFractionOrANonPositiveQuantityIsRefused() {
    OpenAlgoFields fraction = of("{\"quantity\":\"1.5\"}");
    assertNull(fraction.quantity("quantity", true));
    assertEquals(
        "{'quantity': ['Fractional quantity (1.5) is not allowed for non-crypto exchanges.']}",
        fraction.message());
    OpenAlgoFields zero = of("{\"quantity\":\"0\"}");
    assertNull(zero.quantity("quantity", true));
    assertEquals("{'quantity': ['Quantity must be a positive number.']}", zero.message());
    assertEquals(0, of("{\"quantity\":\"0\"}").quantity("quantity", false), "a smart order's zero");
  }

  @Test
  void aBasketsOrdersAreReportedByTheirIndexAsMarshmallowNestsThem() {
    OpenAlgoFields f = of("{\"orders\":[{\"symbol\":\"A\"},{\"quantity\":\"-1\"}]}");
    List<JsonObject> orders = f.objects("orders");
    f.nested(orders.get(0), "orders", 0).quantity("quantity", true);
    f.nested(orders.get(1), "orders", 1).quantity("quantity", true);
    assertEquals(
        "{'orders': {0: {'quantity': ['Missing data for required field.']},"
            + " 1: {'quantity': ['Quantity must be a positive number.']}}}",
        f.message());
  }
}
