package io.tradebridge.access.boundary;

import io.tradebridge.access.entity.KeyCaller;
import io.tradebridge.access.entity.Permission;

/**
 * Checks an API key that did not come in the {@code X-API-Key} header (the webhook's key travels in
 * its JSON body) exactly as the header's key is checked, and makes it the request's {@link Caller}.
 * The way in ({@code web.security.KeyAuthentication}) implements it; resources depend on this port
 * so that they never depend on the way in itself.
 */
public interface KeyCheck {

  /**
   * @throws io.tradebridge.common.control.TradebridgeException 401 for an unknown key, 403 for a
   *     key that lacks a permission or may not come from this address, 429 for an address spraying
   *     keys
   */
  KeyCaller authenticate(String apiKey, Permission... required);
}
