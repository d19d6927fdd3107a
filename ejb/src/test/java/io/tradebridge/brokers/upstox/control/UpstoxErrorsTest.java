package io.tradebridge.brokers.upstox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.tradebridge.orders.entity.Sent;
import org.junit.jupiter.api.Test;

class UpstoxErrorsTest {

  @Test
  void anInvalidTokenMeansTheDaysLoginIsNeeded() {
    assertInstanceOf(
        Sent.LoginRequired.class,
        UpstoxErrors.ofPlacement(401, "UDAPI100050", "Invalid token used to access API"));
  }

  @Test
  void upstoxsRateLimitIsOurs() {
    assertInstanceOf(
        Sent.RateLimited.class,
        UpstoxErrors.ofPlacement(429, "UDAPI10005", "Too Many Request Sent"));
  }

  @Test
  void aFaultOfUpstoxsOwnIsAnUnknownOutcomeToLookUp() {
    assertInstanceOf(Sent.Unknown.class, UpstoxErrors.ofPlacement(503, "", "Service unavailable"));
  }

  @Test
  void aRefusalKeepsUpstoxsWords() {
    Sent refused = UpstoxErrors.ofPlacement(400, "UDAPI100500", "Insufficient funds for the order");
    assertEquals("Insufficient funds for the order", ((Sent.Refused) refused).message());
  }
}
