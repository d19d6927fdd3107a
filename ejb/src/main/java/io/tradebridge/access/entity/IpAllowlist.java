package io.tradebridge.access.entity;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.ipv6.IPv6Address;
import java.util.ArrayList;
import java.util.List;

/**
 * IPv4/IPv6 addresses and CIDR ranges; an empty list allows every address. Parsed by the IPAddress
 * library as literals only: nothing here ever asks DNS (a host name, even one made of hex letters
 * such as {@code ab.cd.ef.ab}, is simply not an address), so no request can be made to wait on a
 * lookup or leak one. Also used for the operator's trusted proxies.
 */
public final class IpAllowlist {

  public static final int MAX_ENTRIES = 50;

  /**
   * Plain addresses and prefix lengths only: no wildcards, ranges, masks, inet_aton forms ({@code
   * 10.1}), empty strings or "*" — each of those would widen a list past what its owner read.
   */
  private static final IPAddressStringParameters STRICT =
      new IPAddressStringParameters.Builder()
          .allowEmpty(false)
          .allowAll(false)
          .allowSingleSegment(false)
          .allowMask(false)
          .allowPrefix(true)
          .setRangeOptions(RangeParameters.NO_RANGE)
          .getIPv4AddressParametersBuilder()
          .allow_inet_aton(false)
          .allowPrefixesBeyondAddressSize(false)
          .getParentBuilder()
          .getIPv6AddressParametersBuilder()
          .allowPrefixesBeyondAddressSize(false)
          .getParentBuilder()
          .toParams();

  private final List<IPAddress> ranges;

  private IpAllowlist(List<IPAddress> ranges) {
    this.ranges = ranges;
  }

  /** Parses the entries; throws IllegalArgumentException naming the first bad entry. */
  public static IpAllowlist of(List<String> entries) {
    List<IPAddress> ranges = new ArrayList<>();
    for (String entry : entries) {
      ranges.add(range(entry));
    }
    return new IpAllowlist(ranges);
  }

  /**
   * Normalises an entry (e.g. {@code 203.0.113.7/24} to {@code 203.0.113.0/24}); throws
   * IllegalArgumentException.
   */
  public static String normalise(String entry) {
    IPAddress range = range(entry);
    Integer prefix = range.getNetworkPrefixLength();
    return prefix == null || prefix == range.getBitCount()
        ? range.withoutPrefixLength().toCanonicalString()
        : range.toCanonicalString();
  }

  public boolean allows(String address) {
    if (ranges.isEmpty()) {
      return true;
    }
    IPAddress peer = address(address);
    if (peer == null) {
      return false;
    }
    for (IPAddress range : ranges) {
      if (range.getIPVersion() == peer.getIPVersion() && range.contains(peer)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether every address {@code other} allows, this list allows too. An empty list allows every
   * address, so it covers anything and only an empty list covers it.
   */
  public boolean covers(IpAllowlist other) {
    if (ranges.isEmpty()) {
      return true;
    }
    if (other.ranges.isEmpty()) {
      return false;
    }
    return other.ranges.stream()
        .allMatch(
            wanted ->
                ranges.stream()
                    .anyMatch(
                        have ->
                            have.getIPVersion() == wanted.getIPVersion() && have.contains(wanted)));
  }

  /** A single address as a connection or a proxy header gives it, or null if it is not one. */
  static IPAddress address(String text) {
    if (text == null) {
      return null;
    }
    String s = text.strip();
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    int zone = s.indexOf('%');
    if (zone >= 0) {
      s = s.substring(0, zone);
    }
    if (s.isEmpty() || s.length() > 64 || s.indexOf('/') >= 0) {
      return null;
    }
    IPAddress parsed = new IPAddressString(s, STRICT).getAddress();
    return parsed == null ? null : unmapIpv4(parsed);
  }

  private static IPAddress range(String entry) {
    if (entry == null || entry.isBlank() || entry.length() > 64) {
      throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR range");
    }
    String text = entry.strip();
    int slash = text.indexOf('/');
    if (slash >= 0 && !text.substring(slash + 1).matches("\\d{1,3}")) {
      throw new IllegalArgumentException(
          "'" + entry + "' has a prefix length that is not a number");
    }
    IPAddressString parsed = new IPAddressString(text, STRICT);
    IPAddress address = parsed.getAddress();
    if (address == null) {
      if (slash >= 0
          && new IPAddressString(text.substring(0, slash), STRICT).getAddress() != null) {
        throw new IllegalArgumentException(
            "'" + entry + "' has a prefix length outside the address's size");
      }
      throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR range");
    }
    return unmapIpv4(address.toPrefixBlock());
  }

  /**
   * ::ffff:a.b.c.d is the same peer as a.b.c.d (a dual-stack socket reports IPv4 peers that way).
   */
  private static IPAddress unmapIpv4(IPAddress address) {
    if (address instanceof IPv6Address v6 && v6.isIPv4Mapped()) {
      Integer prefix = v6.getNetworkPrefixLength();
      IPAddress v4 = v6.getEmbeddedIPv4Address();
      if (prefix == null) {
        return v4;
      }
      return prefix >= 96 ? v4.setPrefixLength(prefix - 96, false).toPrefixBlock() : address;
    }
    return address;
  }
}
