package io.tradebridge.access.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class IpAllowlistTest {

  @Test
  void anEmptyListAllowsEveryAddress() {
    assertTrue(IpAllowlist.of(List.of()).allows("198.51.100.7"));
  }

  @Test
  void matchesIpv4AndIpv6RangesAndSingleAddresses() {
    IpAllowlist list = IpAllowlist.of(List.of("203.0.113.0/24", "2001:db8::/32", "192.0.2.10"));
    assertTrue(list.allows("203.0.113.77"));
    assertFalse(list.allows("203.0.114.1"));
    assertTrue(list.allows("2001:db8:1::5"));
    assertFalse(list.allows("2001:db9::1"));
    assertTrue(list.allows("192.0.2.10"));
    assertFalse(list.allows("192.0.2.11"));
  }

  @Test
  void anIpv4MappedIpv6PeerIsTheSameAddress() {
    assertTrue(IpAllowlist.of(List.of("127.0.0.0/8")).allows("::ffff:127.0.0.1"));
  }

  @Test
  void normalisesRangesToTheirNetwork() {
    assertEquals("203.0.113.0/24", IpAllowlist.normalise("203.0.113.7/24"));
    assertEquals("2001:db8::/32", IpAllowlist.normalise("2001:db8::1/32"));
    assertEquals(
        "2001:db8::/32",
        IpAllowlist.normalise("2001:db8:0:0:0:0:0:0/32"),
        "entries stored by earlier releases");
    assertEquals("192.0.2.10", IpAllowlist.normalise("192.0.2.10/32"));
  }

  @Test
  void refusesHostNamesAndNonsenseWithoutAnyLookup() {
    for (String bad :
        new String[] {
          "example.com", "localhost", "1.2.3", "10.0.0.0/33", "::1/200", "", "1.2.3.4/x"
        }) {
      assertThrows(IllegalArgumentException.class, () -> IpAllowlist.normalise(bad), bad);
    }
    assertFalse(IpAllowlist.of(List.of("10.0.0.0/8")).allows("not-an-address"));
  }

  @Test
  void hexLetterNamesAndShorthandFormsAreNeverAddresses() {
    // Each of these once reached InetAddress.getByName, i.e. DNS, or means more than it says.
    for (String bad :
        new String[] {
          "ab.cd.ef.ab",
          "dead.beef.cafe.babe",
          "10.1",
          "0x7f.0.0.1",
          "*",
          "10.0.0.*",
          "10.0.0.1-9",
          "10.0.0.0/255.0.0.0",
          "1.2.3.4/"
        }) {
      assertThrows(IllegalArgumentException.class, () -> IpAllowlist.normalise(bad), bad);
    }
    IpAllowlist list = IpAllowlist.of(List.of("0.0.0.0/0"));
    assertFalse(
        list.allows("ab.cd.ef.ab"),
        "a name is not an address, even against a list allowing every IPv4 one");
    assertTrue(list.allows("198.51.100.1"));
  }

  @Test
  void aMappedRangeAndItsIpv4FormAreTheSame() {
    assertEquals("127.0.0.0/8", IpAllowlist.normalise("::ffff:127.0.0.0/104"));
    assertTrue(IpAllowlist.of(List.of("::ffff:10.0.0.0/104")).allows("10.9.8.7"));
  }
}
