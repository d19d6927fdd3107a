package io.tradebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kit's scenarios a network between us and the broker adds: an answer lost on the way back, and
 * a session the broker ended overnight. Run against each remote broker's stand-in, on top of
 * everything {@link BrokerKit} asks.
 */
abstract class RemoteBrokerKit extends BrokerKit {

  /** What the kit asks of a remote broker's stand-in besides its market. */
  interface RemoteVenue extends Venue {
    /** The broker answers placements this late (after taking the order). */
    void slowPlacements(long millis);

    /** Every session at the broker ends, as each morning. */
    void endSessions();
  }

  @Override
  protected abstract RemoteVenue venue();

  @Test
  void aLostAnswerLeavesTheOrderPendingAndALookUpSettlesItWithOneOrderAtTheBroker()
      throws InterruptedException {
    RemoteVenue venue = venue();
    Trader trader = venue.loggedInTrader();
    venue.slowPlacements(3_000);
    Api.Reply lost;
    try {
      lost = place(venue, trader, 5, "470.00");
    } finally {
      venue.slowPlacements(0);
    }
    assertEquals(502, lost.status(), lost.toString());
    assertEquals("BROKER_UNAVAILABLE", lost.code());
    String detail = lost.json().getString("detail");
    assertTrue(
        detail.contains("is PENDING") && detail.contains("do not send it again"), lost.toString());
    JsonObject pending =
        get(trader, "/api/v1/orders?account=" + venue.account()).array().getJsonObject(0);
    assertTrue(detail.contains(pending.getString("orderId")), "the reply names the order");
    // The 5-second look-up runs on its own clock: it may have found the order at the broker
    // already, even while the lost answer was still on its way.
    assertTrue(
        List.of("PENDING", "OPEN").contains(pending.getString("status")), pending.toString());

    JsonObject settled =
        awaitOrder(
            trader, pending.getString("orderId"), o -> !o.getString("status").equals("PENDING"));
    assertEquals("OPEN", settled.getString("status"), settled.toString());
    assertEquals(List.of(settled.getString("brokerOrderId")), venue.ordersAtBroker());
  }

  @Test
  void anEndedSessionSendsNothingTheAccountNeedsALoginAndTheTraderIsTold() {
    RemoteVenue venue = venue();
    Trader trader = venue.loggedInTrader();
    venue.endSessions();
    Api.Reply refused = place(venue, trader, 5, "470.00");
    assertEquals(422, refused.status(), refused.toString());
    assertTrue(refused.json().getString("detail").contains("Log in to broker"), refused.toString());
    assertEquals(List.of(), venue.ordersAtBroker(), "nothing sent");
    JsonObject account =
        get(trader, "/api/v1/trading-accounts").array().getValuesAs(JsonObject.class).stream()
            .filter(a -> a.getString("pseudoAccount").equals(venue.account()))
            .findFirst()
            .orElseThrow();
    assertEquals("LOGIN_REQUIRED", account.getString("validationStatus"));
    assertTrue(
        trader.browser.get("/api/v1/security/events").body().contains("BROKER_LOGIN_REQUIRED"));
  }
}
