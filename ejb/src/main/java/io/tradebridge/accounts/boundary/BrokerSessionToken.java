package io.tradebridge.accounts.boundary;

import java.time.Instant;

/** A session a broker granted: the access token (a secret), who it is for, and when it ends. */
public record BrokerSessionToken(String accessToken, String brokerUserId, Instant expiresAt) {

  @Override
  public String toString() {
    return "BrokerSessionToken[" + brokerUserId + ", until " + expiresAt + "]";
  }
}
