package io.tradebridge.access.boundary;

/**
 * The caller's address for allowlists and logs: the connection's peer, unless the peer is a proxy
 * the operator listed, in which case the right-most address in X-Forwarded-For that is not itself a
 * trusted proxy (anything to the left of it could be written by the client).
 */
public final class ClientAddress {

  private ClientAddress() {}

  public static String of(String peer, String forwardedFor, TrustedProxies proxies) {
    if (forwardedFor == null || forwardedFor.isBlank() || !proxies.trust(peer)) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (!proxies.trust(hop)) {
        return hop;
      }
    }
    return peer;
  }
}
