package io.tradebridge.apikeys.control;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * IPv4/IPv6 addresses and CIDR ranges; an empty list allows every address. Entries are parsed
 * without DNS: anything that is not a literal address is refused, so a host name can never make a
 * request wait on a lookup.
 */
public final class IpAllowlist {

  private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");
  public static final int MAX_ENTRIES = 50;

  private final List<Range> ranges;

  private IpAllowlist(List<Range> ranges) {
    this.ranges = ranges;
  }

  /** Parses the entries; throws IllegalArgumentException naming the first bad entry. */
  public static IpAllowlist of(List<String> entries) {
    List<Range> ranges = new ArrayList<>();
    for (String entry : entries) {
      ranges.add(Range.parse(entry));
    }
    return new IpAllowlist(ranges);
  }

  /** Normalises an entry (e.g. {@code 203.0.113.7/24} to {@code 203.0.113.0/24}); throws IllegalArgumentException. */
  public static String normalise(String entry) {
    return Range.parse(entry).toString();
  }

  public boolean allows(String address) {
    if (ranges.isEmpty()) {
      return true;
    }
    byte[] bytes = literal(address);
    if (bytes == null) {
      return false;
    }
    for (Range r : ranges) {
      if (r.contains(bytes)) {
        return true;
      }
    }
    return false;
  }

  static byte[] literal(String text) {
    String s = text.strip();
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    int zone = s.indexOf('%');
    if (zone >= 0) {
      s = s.substring(0, zone);
    }
    if (s.isEmpty() || !LITERAL.matcher(s).matches() || (s.indexOf(':') < 0 && s.chars().filter(c -> c == '.').count() != 3)) {
      return null;
    }
    try {
      byte[] bytes = InetAddress.getByName(s).getAddress();
      return unmapIpv4(bytes);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** ::ffff:a.b.c.d is the same peer as a.b.c.d. */
  private static byte[] unmapIpv4(byte[] bytes) {
    if (bytes.length == 16) {
      for (int i = 0; i < 10; i++) {
        if (bytes[i] != 0) {
          return bytes;
        }
      }
      if (bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff) {
        return new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
      }
    }
    return bytes;
  }

  private record Range(byte[] network, int prefixLength) {

    static Range parse(String entry) {
      if (entry == null || entry.isBlank() || entry.length() > 64) {
        throw new IllegalArgumentException("'" + String.valueOf(entry) + "' is not an IP address or CIDR range");
      }
      String[] parts = entry.strip().split("/", -1);
      byte[] address = parts.length <= 2 ? literal(parts[0]) : null;
      if (address == null) {
        throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR range");
      }
      int bits = address.length * 8;
      int prefix = bits;
      if (parts.length == 2) {
        try {
          prefix = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
          prefix = -1;
        }
        if (prefix < 0 || prefix > bits) {
          throw new IllegalArgumentException("'" + entry + "' has a prefix length outside 0.." + bits);
        }
      }
      return new Range(mask(address, prefix), prefix);
    }

    boolean contains(byte[] address) {
      return address.length == network.length && java.util.Arrays.equals(mask(address, prefixLength), network);
    }

    private static byte[] mask(byte[] address, int prefix) {
      int bits = address.length * 8;
      BigInteger value = new BigInteger(1, address);
      BigInteger keep = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
          .shiftRight(bits - prefix).shiftLeft(bits - prefix);
      byte[] raw = value.and(keep).toByteArray();
      byte[] out = new byte[address.length];
      int copy = Math.min(raw.length, out.length);
      System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
      return out;
    }

    @Override
    public String toString() {
      try {
        String host = InetAddress.getByAddress(network).getHostAddress();
        return prefixLength == network.length * 8 ? host : host + "/" + prefixLength;
      } catch (UnknownHostException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
