package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The broker adapter kit against the paper exchange. Its market is driven the way a trainer would
 * drive it: an administrator holds the kit's instrument (TMPV, which no other test trades) at a
 * price and depth through the paper market's control, and the exchange's own once-a-second matching
 * does the rest. Its refusal is its own margin check, met by resting orders that use up the
 * account's virtual capital.
 */
@ExtendWith(SharedServer.class)
class PaperKitIT extends BrokerKit {

  private static final String SYMBOL = "TMPV";
  private static final String CONTROL = "/api/v1/admin/paper-market/NSE/" + SYMBOL;
  private static final BigDecimal QUIET = new BigDecimal("480.00");

  private Api api;
  private String admin;
  private Trader current;

  @BeforeEach
  void market(Api api) {
    this.api = api;
    this.admin = "Bearer " + TokenMint.token(SingleSignOnIT.someone(), "admin");
  }

  @AfterEach
  void letThePriceWalkAgain() {
    assertEquals(204, api.fresh().delete(CONTROL, "Authorization", admin).status());
  }

  /** Holds the kit's instrument at {@code last}, with these quantities at the best bid and ask. */
  private JsonObject hold(BigDecimal last, int bidQuantity, int askQuantity) {
    Api.Reply held =
        api.fresh()
            .put(
                CONTROL,
                Api.json("lastPrice", last, "bidQuantity", bidQuantity, "askQuantity", askQuantity),
                "Authorization",
                admin);
    assertEquals(200, held.status(), held.toString());
    return held.json();
  }

  @Test
  void theControlIsForAdministratorsAndRefusesWhatIsNotAPrice() {
    Trader trader = Trader.register(api).login();
    Api.Reply notAnAdmin =
        trader
            .browser
            .fresh()
            .put(CONTROL, Api.json("lastPrice", QUIET), "X-API-Key", trader.firstKey);
    assertEquals(403, notAnAdmin.status(), "a key is no way in: " + notAnAdmin);
    assertEquals("SESSION_REQUIRED", notAnAdmin.code());
    assertEquals(
        403,
        trader.browser.put(CONTROL, Api.json("lastPrice", QUIET)).status(),
        "a trader's session is not an administrator's");
    Api.Reply zero =
        api.fresh().put(CONTROL, Api.json("lastPrice", BigDecimal.ZERO), "Authorization", admin);
    assertEquals(400, zero.status(), zero.toString());
    assertEquals("VALIDATION_FAILED", zero.code());
    Api.Reply unknown =
        api.fresh()
            .put(
                "/api/v1/admin/paper-market/NSE/NOSUCH",
                Api.json("lastPrice", QUIET),
                "Authorization",
                admin);
    assertEquals(404, unknown.status(), unknown.toString());

    JsonObject held = hold(QUIET, 7, 9);
    assertEquals(0, QUIET.compareTo(held.getJsonNumber("lastPrice").bigDecimalValue()));
    assertEquals(7, held.getInt("bidQuantity"));
    assertEquals(9, held.getInt("askQuantity"));
    JsonObject quote =
        trader
            .browser
            .fresh()
            .get("/api/v1/quotes?exchange=NSE&symbol=" + SYMBOL, "X-API-Key", trader.firstKey)
            .json();
    assertEquals(
        0,
        QUIET.compareTo(quote.getJsonNumber("lastPrice").bigDecimalValue()),
        "every trader sees the price held: " + quote);
  }

  @Override
  protected Venue venue() {
    return new Venue() {
      @Override
      public String account() {
        return "PAPER1";
      }

      @Override
      public String symbol() {
        return SYMBOL;
      }

      @Override
      public Trader loggedInTrader() {
        // Above the kit's 470 limit price with a deep book: its buy rests until the price falls.
        hold(QUIET, 10_000, 10_000);
        current = Trader.register(api).login();
        return current;
      }

      /** The paper exchange's book is Tradebridge's own: its ids are our order ids. */
      @Override
      public List<String> ordersAtBroker() {
        return book().stream()
            .sorted(Comparator.comparing(o -> o.getString("createdAt")))
            .map(o -> o.getString("orderId"))
            .toList();
      }

      @Override
      public String idAtBroker(JsonObject order) {
        return order.getString("orderId");
      }

      @Override
      public boolean cancelledAtBroker(String id) {
        return order(current, id).getString("status").equals("CANCELLED");
      }

      @Override
      public int quantityAtBroker(String id) {
        return order(current, id).getInt("quantity");
      }

      /** The price falls a rupee below {@code price}; the next second's matching fills it. */
      @Override
      public void fillWithNews(String id, BigDecimal price) {
        hold(price.subtract(BigDecimal.ONE), 10_000, 10_000);
        await(id, o -> o.getString("status").equals("COMPLETE"));
      }

      /** The price falls, but only {@code quantity} is offered there, and nothing deeper. */
      @Override
      public void fillQuietly(String id, int quantity, BigDecimal price) {
        hold(price.subtract(BigDecimal.ONE), 10_000, quantity);
      }

      /**
       * Two resting buys far from the price (each under the account's 50 lakh order limit) take all
       * but a few hundred rupees of the crore of virtual capital.
       */
      @Override
      public String refuseNext() {
        BigDecimal price = new BigDecimal("470.00");
        BigDecimal needed = price.multiply(new BigDecimal("5")).multiply(new BigDecimal("0.20"));
        for (BigDecimal cash = availableCash();
            cash.compareTo(needed) >= 0;
            cash = availableCash()) {
          int quantity =
              cash.min(new BigDecimal("4999000")).divide(price, 0, RoundingMode.DOWN).intValue();
          Api.Reply blocker =
              current
                  .browser
                  .fresh()
                  .post(
                      "/api/v1/orders",
                      Api.json(
                          "account",
                          "PAPER1",
                          "exchange",
                          "NSE",
                          "symbol",
                          SYMBOL,
                          "side",
                          "BUY",
                          "quantity",
                          quantity,
                          "orderType",
                          "LIMIT",
                          "price",
                          price,
                          "productType",
                          "DELIVERY"),
                      "X-API-Key",
                      current.firstKey);
          assertEquals(201, blocker.status(), blocker.toString());
          assertEquals("OPEN", blocker.json().getString("status"));
        }
        return "insufficient funds: this order needs a margin of";
      }

      private BigDecimal availableCash() {
        return get(current, "/api/v1/margins?account=PAPER1")
            .json()
            .getJsonNumber("availableCash")
            .bigDecimalValue();
      }

      private List<JsonObject> book() {
        return get(current, "/api/v1/orders?account=PAPER1").array().getValuesAs(JsonObject.class);
      }

      private void await(String id, java.util.function.Predicate<JsonObject> done) {
        try {
          JsonObject now = awaitOrder(current, id, done);
          assertEquals(true, done.test(now), now.toString());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    };
  }
}
