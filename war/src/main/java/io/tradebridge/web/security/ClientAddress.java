package io.tradebridge.web.security;

import io.tradebridge.apikeys.control.IpAllowlist;
import java.util.List;

/**
 * The caller's address for allowlists and logs: the connection's peer, unless the peer is a proxy
 * the operator listed, in which case the right-most address in X-Forwarded-For that is not itself a
 * trusted proxy (anything to the left of it could be written by the client).
 */
public final class ClientAddress {

  private ClientAddress() {}

  public static String of(String peer, String forwardedFor, List<String> trustedProxies) {
    if (trustedProxies.isEmpty() || forwardedFor == null || forwardedFor.isBlank()) {
      return peer;
    }
    IpAllowlist proxies = IpAllowlist.of(trustedProxies);
    if (!proxies.allows(peer)) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (!proxies.allows(hop)) {
        return hop;
      }
    }
    return peer;
  }
}
