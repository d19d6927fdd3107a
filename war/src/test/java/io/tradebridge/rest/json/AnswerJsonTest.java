package io.tradebridge.rest.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerJsonTest {

  enum Status {
    OPEN
  }

  record Fill(int quantity, BigDecimal price) {}

  record OrderAnswer(
      String orderId,
      Status status,
      BigDecimal price,
      BigDecimal triggerPrice,
      Instant placedAt,
      List<Fill> fills,
      Map<String, String> tags) {}

  @Test
  void everyFieldIsWrittenInDeclarationOrderWithNullsKept() {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("strategy", "orb");
    OrderAnswer answer =
        new OrderAnswer(
            "ord_1",
            Status.OPEN,
            new BigDecimal("1500.50"),
            null,
            Instant.parse("2026-12-05T03:45:00Z"),
            List.of(new Fill(10, new BigDecimal("1500.00"))),
            tags);

    assertEquals(
        "{\"orderId\":\"ord_1\",\"status\":\"OPEN\",\"price\":1500.50,\"triggerPrice\":null,"
            + "\"placedAt\":\"2026-12-05T03:45:00Z\",\"fills\":[{\"quantity\":10,\"price\":1500.00}],"
            + "\"tags\":{\"strategy\":\"orb\"}}",
        AnswerJson.write(answer));
  }

  @Test
  void aListAnswerIsAnArrayOfObjects() {
    assertEquals("[{\"quantity\":1,\"price\":null}]", AnswerJson.write(List.of(new Fill(1, null))));
  }

  @Test
  void aTypeWithoutAJsonFormIsRefusedNotGuessed() {
    record Odd(Object thing) {}

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AnswerJson.write(new Odd(new Object())));
    assertEquals("no JSON form for java.lang.Object in thing", e.getMessage());
  }
}
