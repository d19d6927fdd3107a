package io.tradebridge.signin.boundary;

import io.tradebridge.apikeys.boundary.IssuedKey;

/** The answer to a registration: the first API key is in it, shown this once. */
public record Registered(String userId, String username, IssuedKey apiKey) {}
