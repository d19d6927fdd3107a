package io.tradebridge.protection.boundary;

import jakarta.enterprise.context.RequestScoped;

/**
 * The address a request came from (the peer, or a trusted proxy's client), set by the web layer so
 * that security events recorded deep in a business method can say where the request came from.
 */
@RequestScoped
public class RequestOrigin {

  private String address;
  private String userAgent;

  public void set(String address) {
    this.address = address;
  }

  public String address() {
    return address;
  }

  /**
   * The browser or program as it names itself: shown in a person's list of sessions, nothing more.
   */
  public void setUserAgent(String userAgent) {
    this.userAgent = userAgent;
  }

  public String userAgent() {
    return userAgent;
  }
}
