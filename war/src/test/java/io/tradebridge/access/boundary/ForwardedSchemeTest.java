package io.tradebridge.access.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardedSchemeTest {

  private static final TrustedProxies PROXY = TrustedProxies.of(List.of("10.0.0.5"));

  @Test
  void aTrustedTlsProxySayingHttpsMakesTheRequestSecure() {
    assertTrue(ForwardedScheme.secure(false, "10.0.0.5", "https", PROXY));
    assertTrue(
        ForwardedScheme.secure(false, "10.0.0.5", "HTTPS, http", PROXY),
        "the client-facing hop counts");
  }

  @Test
  void anyoneElseClaimingHttpsIsNotBelieved() {
    assertFalse(ForwardedScheme.secure(false, "198.51.100.9", "https", PROXY));
    assertFalse(
        ForwardedScheme.secure(false, "10.0.0.5", "https", TrustedProxies.of(List.of())),
        "no proxies configured");
    assertFalse(ForwardedScheme.secure(false, "10.0.0.5", "http", PROXY));
    assertFalse(ForwardedScheme.secure(false, "10.0.0.5", null, PROXY));
  }

  @Test
  void aDirectTlsConnectionIsSecureWhateverTheHeaderSays() {
    assertTrue(ForwardedScheme.secure(true, "198.51.100.9", "http", PROXY));
  }
}
