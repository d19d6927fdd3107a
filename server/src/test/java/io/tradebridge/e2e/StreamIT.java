package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The push stream (API.md, "Live updates") as a program on it sees it. */
@ExtendWith(SharedServer.class)
class StreamIT {

  private static final String SBIN = "{\"exchange\":\"NSE\",\"symbol\":\"SBIN\"}";

  private static String marketBuy(String symbol, int quantity) {
    return Api.json(
        "account",
        "PAPER1",
        "exchange",
        "NSE",
        "symbol",
        symbol,
        "side",
        "BUY",
        "quantity",
        quantity,
        "orderType",
        "MARKET",
        "productType",
        "INTRADAY");
  }

  @Test
  void quotesTickAndAnOrdersFillArrivesWithinASecond(Api api) {
    Trader trader = Trader.register(api);
    try (StreamClient stream = StreamClient.signedIn(api, trader.firstKey)) {
      stream.send("{\"action\":\"subscribe\",\"quotes\":[" + SBIN + "],\"orders\":true}");
      JsonObject subscribed = stream.next("subscribed");
      assertEquals(1, subscribed.getInt("quotes"), subscribed.toString());
      assertTrue(subscribed.getBoolean("orders"));
      JsonObject first = stream.next("quote");
      assertEquals("SBIN", first.getString("symbol"), "the quote now, at once");
      assertTrue(
          first.getJsonNumber("bid").doubleValue() < first.getJsonNumber("ask").doubleValue());
      JsonObject moved = stream.next("quote");
      assertNotEquals(first.getString("time"), moved.getString("time"), "the market ticked");

      Api.Reply placed =
          api.fresh().post("/api/v1/orders", marketBuy("SBIN", 3), "X-API-Key", trader.firstKey);
      long answered = System.nanoTime();
      assertEquals(201, placed.status(), placed.toString());
      String orderId = placed.json().getString("orderId");
      StreamClient.Received fill =
          stream.next(
              m ->
                  "order".equals(m.getString("type"))
                      && orderId.equals(m.getString("orderId"))
                      && "COMPLETE".equals(m.getString("status")),
              Duration.ofSeconds(1));
      assertTrue(fill.nanos() - answered < 1_000_000_000L);
      assertEquals(3, fill.message().getInt("filledQuantity"), fill.message().toString());
      JsonObject position =
          stream
              .next(
                  m ->
                      "position".equals(m.getString("type"))
                          && "SBIN".equals(m.getString("symbol")),
                  Duration.ofSeconds(3))
              .message();
      assertEquals(3, position.getInt("netQuantity"), position.toString());
      assertEquals("PAPER1", position.getString("account"));
    }
  }

  @Test
  void aStreamCarriesOnlyItsOwnersOrders(Api api) {
    Trader mine = Trader.register(api);
    Trader theirs = Trader.register(api);
    try (StreamClient stream = StreamClient.signedIn(api, mine.firstKey)) {
      stream.send("{\"action\":\"subscribe\",\"orders\":true}");
      stream.next("subscribed");
      String theirOrder =
          api.fresh()
              .post("/api/v1/orders", marketBuy("INFY", 1), "X-API-Key", theirs.firstKey)
              .json()
              .getString("orderId");
      String myOrder =
          api.fresh()
              .post("/api/v1/orders", marketBuy("ITC", 1), "X-API-Key", mine.firstKey)
              .json()
              .getString("orderId");
      stream.next(
          m -> "order".equals(m.getString("type")) && myOrder.equals(m.getString("orderId")),
          Duration.ofSeconds(3));
      try {
        Thread.sleep(600); // a look at the orders after both
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      List<StreamClient.Received> rest = stream.drain();
      assertFalse(
          rest.stream().anyMatch(r -> theirOrder.equals(r.message().getString("orderId", ""))),
          rest.toString());
    }
  }

  @Test
  void aRevokedKeysStreamIsClosedAtOnce(Api api) {
    Trader trader = Trader.register(api).login();
    try (StreamClient stream = StreamClient.signedIn(api, trader.firstKey)) {
      stream.send("{\"action\":\"subscribe\",\"quotes\":[" + SBIN + "]}");
      stream.next("subscribed");
      assertEquals(204, trader.browser.delete("/api/v1/keys/" + trader.firstKeyId).status());
      long revoked = System.nanoTime();
      StreamClient.Closed closed = stream.closed(Duration.ofSeconds(1));
      assertTrue(System.nanoTime() - revoked < 1_000_000_000L);
      assertEquals(1008, closed.code(), closed.toString());
      assertTrue(closed.reason().contains("revoked"), closed.toString());
      JsonObject why = stream.next("error");
      assertEquals("UNAUTHENTICATED", why.getString("code"));
    }
  }

  @Test
  void theWebUiSignsInWithItsSessionAndCsrfTokenAndLoggingOutEndsTheStream(Api api) {
    Trader trader = Trader.register(api).login();
    try (StreamClient stream = StreamClient.openAsBrowser(trader.browser)) {
      stream.send(Api.json("action", "auth", "csrfToken", trader.browser.csrfToken()));
      assertEquals("SESSION", stream.next("authenticated").getString("via"));
      stream.send("{\"action\":\"ping\"}");
      stream.next("pong");
      assertEquals(204, trader.browser.post("/api/v1/auth/logout", "{}").status());
      assertEquals(1008, stream.closed(Duration.ofSeconds(4)).code());
    }
    // The cookie alone is not enough: another site's page would send it too.
    Trader other = Trader.register(api).login();
    try (StreamClient forged = StreamClient.openAsBrowser(other.browser)) {
      forged.send(Api.json("action", "auth", "csrfToken", "guessed"));
      assertEquals("UNAUTHENTICATED", forged.next("error").getString("code"));
      assertEquals(1008, forged.closed(Duration.ofSeconds(2)).code());
    }
  }

  @Test
  void mistakesAreAnsweredAndOnlyASignInMistakeClosesTheStream(Api api) {
    Trader trader = Trader.register(api);
    try (StreamClient unsigned = StreamClient.open(api)) {
      unsigned.send("{\"action\":\"subscribe\",\"orders\":true}");
      assertEquals("UNAUTHENTICATED", unsigned.next("error").getString("code"));
      assertEquals(1008, unsigned.closed(Duration.ofSeconds(2)).code());
    }
    try (StreamClient wrongKey = StreamClient.open(api)) {
      wrongKey.send(Api.json("action", "auth", "apiKey", "tb_live_not-a-key"));
      assertEquals("UNAUTHENTICATED", wrongKey.next("error").getString("code"));
      assertEquals(1008, wrongKey.closed(Duration.ofSeconds(2)).code());
    }
    try (StreamClient stream = StreamClient.signedIn(api, trader.firstKey)) {
      stream.send("not json");
      assertEquals("MALFORMED_REQUEST", stream.next("error").getString("code"));
      stream.send("{\"action\":\"dance\"}");
      assertTrue(stream.next("error").getString("detail").contains("dance"));
      stream.send("{\"action\":\"subscribe\",\"quotes\":\"SBIN\"}");
      assertEquals("VALIDATION_FAILED", stream.next("error").getString("code"));
      stream.send(
          "{\"action\":\"subscribe\",\"quotes\":["
              + SBIN
              + ",{\"exchange\":\"NSE\",\"symbol\":\"NOPE\"}]}");
      JsonObject subscribed = stream.next("subscribed");
      assertEquals(1, subscribed.getInt("quotes"));
      assertEquals(
          "NSE:NOPE: no such instrument",
          subscribed.getJsonArray("refused").getString(0),
          subscribed.toString());
      stream.send("{\"action\":\"unsubscribe\",\"quotes\":[" + SBIN + "]}");
      assertEquals(0, stream.next("unsubscribed").getInt("quotes"));
      stream.send("{\"action\":\"ping\"}");
      stream.next("pong");
      assertFalse(stream.isClosed());
    }
    Api.Reply plain = api.fresh().get("/api/v1/stream");
    assertEquals(426, plain.status(), plain.toString());
    assertEquals("MALFORMED_REQUEST", plain.code());
  }
}
