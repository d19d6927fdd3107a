package io.tradebridge.web.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EdgeChecksTest {

  @Test
  void findsAKeyInTheQueryStringUnderAnyUsualName() {
    assertTrue(EdgeFilter.carriesKey("apikey=abc"));
    assertTrue(EdgeFilter.carriesKey("symbol=SBIN&APIKEY=abc"));
    assertTrue(EdgeFilter.carriesKey("api_key=abc"));
    assertTrue(EdgeFilter.carriesKey("token=tb_live_abc"));
    assertFalse(EdgeFilter.carriesKey("account=ACC1&status=OPEN"));
    assertFalse(EdgeFilter.carriesKey(null));
  }
}
