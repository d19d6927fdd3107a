package io.tradebridge.brokers.kite.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.tradebridge.orders.entity.Sent;
import org.junit.jupiter.api.Test;

class KiteErrorsTest {

  @Test
  void aTokenExceptionMeansTheSessionEnded() {
    assertInstanceOf(
        Sent.LoginRequired.class,
        KiteErrors.ofPlacement(403, "TokenException", "Incorrect `api_key` or `access_token`."));
  }

  @Test
  void kitesRefusalsKeepKitesWords() {
    Sent sent = KiteErrors.ofPlacement(400, "MarginException", "Insufficient funds.");
    assertEquals(new Sent.Refused("Insufficient funds."), sent);
  }

  @Test
  void kitesOwnFaultsLeaveTheOutcomeUnknownForALookUp() {
    assertInstanceOf(
        Sent.Unknown.class, KiteErrors.ofPlacement(503, "NetworkException", "OMS timed out"));
    assertInstanceOf(Sent.Unknown.class, KiteErrors.ofPlacement(500, "", null));
  }
}
