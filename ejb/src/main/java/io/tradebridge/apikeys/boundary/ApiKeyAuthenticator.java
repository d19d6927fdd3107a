package io.tradebridge.apikeys.boundary;

import io.tradebridge.access.entity.KeyCaller;
import io.tradebridge.apikeys.control.CheckedKey;
import io.tradebridge.apikeys.control.CheckedKeys;
import io.tradebridge.apikeys.control.KeyFormat;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.crypto.boundary.Vault;
import io.tradebridge.crypto.control.Purpose;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * Checks an {@code X-API-Key} on every request. The cost does not depend on how many keys are
 * stored: the checksum turns away typos and random strings without touching the database, and a
 * well-formed key costs one HMAC and, unless {@link CheckedKeys} holds it, one lookup on a unique
 * index and one of its owner. No slow hash, no loop over keys. A revoked or regenerated key stops
 * at once: see {@link CheckedKeys} for why a kept key can never outlive its change. A CDI bean, not
 * an EJB: it runs in the caller's context (no transaction of its own), and the EJB container's work
 * around each call was most of a key check's cost.
 */
@ApplicationScoped
public class ApiKeyAuthenticator {

  @Inject Vault vault;
  @Inject KeyUsage usage;
  @Inject Clock clock;
  @Inject CheckedKeys checked;
  @Inject KeyRows rows;

  /**
   * @param address the caller's address as the server sees it (peer, or a trusted proxy's client)
   * @throws TradebridgeException UNAUTHENTICATED for any unknown, revoked, expired or malformed key
   *     (one answer for all); FORBIDDEN for a disabled user or an address outside the allowlist
   */
  public KeyCaller authenticate(String presentedKey, String address) {
    if (KeyFormat.parse(presentedKey).isEmpty()) {
      throw TradebridgeException.unauthenticated();
    }
    CheckedKey key = checked.find(vault.digest(Purpose.API_KEY_DIGEST, presentedKey), rows::read);
    Instant now = clock.instant();
    if (key == null || !key.usableAt(now)) {
      throw TradebridgeException.unauthenticated();
    }
    if (!key.ownerActive()) {
      throw TradebridgeException.forbidden(
          "this account is disabled, or its identity provider no longer lets it trade");
    }
    if (!key.allowlist().allows(address)) {
      throw TradebridgeException.forbidden("this key may not be used from your address");
    }
    usage.record(key.keyId(), now, address);
    return caller(key);
  }

  /**
   * The digest a stream keeps instead of its key: enough to tell later whether the key still stands
   * ({@link #stillValid}), useless to anyone who reads it.
   */
  public String digest(String presentedKey) {
    return vault.digest(Purpose.API_KEY_DIGEST, presentedKey);
  }

  /**
   * Whether a key checked earlier (by its {@link #digest}) may still be used from this address: not
   * revoked, regenerated or expired, its owner not disabled, the address still allowed. For the
   * push stream, which outlives the check at its start.
   */
  public boolean stillValid(String digest, String address) {
    CheckedKey key = checked.find(digest, rows::read);
    return key != null
        && key.usableAt(clock.instant())
        && key.ownerActive()
        && key.allowlist().allows(address);
  }

  /**
   * Runs {@code listener} whenever a key or a user was written (after the write commits): a stream
   * checks its key again at once instead of at its next look.
   */
  public void onChange(Runnable listener) {
    checked.onChange(listener);
  }

  private static KeyCaller caller(CheckedKey key) {
    return new KeyCaller(
        key.userId(),
        key.keyId(),
        key.environment(),
        key.permissions(),
        key.orderMode(),
        key.defaultAccount());
  }
}
