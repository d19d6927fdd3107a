package io.tradebridge.access.boundary;

/** The ways in (API.md, "Authentication"). A single sign-on bearer token counts as SESSION. */
public enum Via {
  SESSION,
  API_KEY
}
