package io.tradebridge.rest.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tradebridge.rest.problem.MalformedRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTextTest {

  @Test
  void refusesBytesThatAreNotUtf8InsteadOfReplacingThem() {
    byte[] body = "{\"symbol\":\"SB?N\"}".getBytes(StandardCharsets.US_ASCII);
    body[13] = (byte) 0xC3; // a lone lead byte: no continuation follows
    MalformedRequest refused = assertThrows(MalformedRequest.class, () -> JsonText.of(body));
    assertEquals(400, refused.status());
  }

  @Test
  void keepsRealUnicode() {
    String text = "{\"comments\":\"₹ 1 crore — नमस्ते\"}";
    assertEquals(text, JsonText.of(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void refusesNestingDeeperThanAnyBodyNeeds() {
    String deep = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
    assertThrows(MalformedRequest.class, () -> JsonText.of(deep.getBytes(StandardCharsets.UTF_8)));
    String arrays = "[".repeat(JsonText.MAX_DEPTH + 1) + "]".repeat(JsonText.MAX_DEPTH + 1);
    assertThrows(
        MalformedRequest.class, () -> JsonText.of(arrays.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void bracketsInsideStringsDoNotCount() {
    String text = "{\"comments\":\"" + "[{".repeat(100) + "\\\"" + "\"}";
    assertEquals(text, JsonText.of(text.getBytes(StandardCharsets.UTF_8)));
    String atTheCap = "[".repeat(JsonText.MAX_DEPTH) + "]".repeat(JsonText.MAX_DEPTH);
    assertEquals(atTheCap, JsonText.of(atTheCap.getBytes(StandardCharsets.UTF_8)));
  }
}
