package io.tradebridge.stream.boundary;

/**
 * What a stream signed in with, kept so that the stream can be cut off the moment it stops being
 * valid. Holds no secret a reader could use: a key's digest, not the key.
 */
public sealed interface StreamCredential {

  /** An API key, by its digest, used from {@code address} (allowlists are checked again). */
  record Key(String userId, String keyId, String digest, String address)
      implements StreamCredential {}

  /** A browser session (its cookie's token; the cookie already travels with every request). */
  record Session(String userId, String token) implements StreamCredential {}

  String userId();
}
