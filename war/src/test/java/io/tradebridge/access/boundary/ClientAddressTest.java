package io.tradebridge.access.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

  @Test
  void believesForwardedForOnlyFromTrustedProxies() {
    TrustedProxies proxies = TrustedProxies.of(List.of("10.0.0.0/8"));
    assertEquals("198.51.100.9", ClientAddress.of("10.1.2.3", "198.51.100.9", proxies));
    assertEquals(
        "203.0.113.5",
        ClientAddress.of("203.0.113.5", "198.51.100.9", proxies),
        "an untrusted peer cannot claim another address");
    assertEquals(
        "198.51.100.9",
        ClientAddress.of("10.1.2.3", "1.2.3.4, 198.51.100.9, 10.9.9.9", proxies),
        "the right-most untrusted hop; anything left of it is the client's own writing");
    assertEquals(
        "10.1.2.3",
        ClientAddress.of("10.1.2.3", "198.51.100.9", TrustedProxies.of(List.of())),
        "no proxies configured: the peer");
  }
}
