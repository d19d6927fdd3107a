package io.tradebridge.accounts.boundary;

import java.util.Map;

/** The answer to a credentials reveal. */
public record RevealedCredentials(Map<String, String> credentials) {
  @Override
  public String toString() {
    return "RevealedCredentials[hidden]";
  }
}
