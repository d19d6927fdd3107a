package io.tradebridge.apikeys.boundary;

/** The answer to reveal and regenerate: {@code {key}}. */
public record RevealedKey(String key) {
  @Override
  public String toString() {
    return "RevealedKey[hidden]";
  }
}
