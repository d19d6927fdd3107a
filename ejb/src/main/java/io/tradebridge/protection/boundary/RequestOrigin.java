package io.tradebridge.protection.boundary;

import jakarta.enterprise.context.RequestScoped;

/**
 * The address a request came from (the peer, or a trusted proxy's client), set by the web layer so
 * that security events recorded deep in a business method can say where the request came from.
 */
@RequestScoped
public class RequestOrigin {

  private String address;

  public void set(String address) {
    this.address = address;
  }

  public String address() {
    return address;
  }
}
