package io.tradebridge.apikeys.boundary;

import io.tradebridge.apikeys.control.IpAllowlist;
import io.tradebridge.apikeys.control.KeyFormat;
import io.tradebridge.apikeys.entity.ApiKey;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.crypto.boundary.Vault;
import io.tradebridge.crypto.control.Purpose;
import io.tradebridge.users.entity.User;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;

/**
 * Checks an {@code X-API-Key} on every request. The cost does not depend on how many keys are
 * stored: the checksum turns away typos and random strings without touching the database, and a
 * well-formed key costs one HMAC and one lookup on a unique index. No slow hash, no loop over keys.
 * Nothing is cached in memory, so a revoked or regenerated key stops on every node at once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ApiKeyAuthenticator {

  @PersistenceContext EntityManager em;
  @Inject Vault vault;
  @Inject KeyUsage usage;
  @Inject Clock clock;

  /**
   * @param address the caller's address as the server sees it (peer, or a trusted proxy's client)
   * @throws TradebridgeException UNAUTHENTICATED for any unknown, revoked, expired or malformed key
   *     (one answer for all); FORBIDDEN for a disabled user or an address outside the allowlist
   */
  public KeyCaller authenticate(String presentedKey, String address) {
    if (KeyFormat.parse(presentedKey).isEmpty()) {
      throw TradebridgeException.unauthenticated();
    }
    ApiKey key = em.createNamedQuery(ApiKey.BY_DIGEST, ApiKey.class)
        .setParameter("digest", vault.digest(Purpose.API_KEY_DIGEST, presentedKey))
        .getResultStream().findFirst().orElseThrow(TradebridgeException::unauthenticated);
    Instant now = clock.instant();
    if (!key.isUsableAt(now)) {
      throw TradebridgeException.unauthenticated();
    }
    User owner = em.find(User.class, key.userId());
    if (owner == null || !owner.isActive()) {
      throw TradebridgeException.forbidden("this account is disabled");
    }
    if (!IpAllowlist.of(key.ipAllowlist()).allows(address)) {
      throw TradebridgeException.forbidden("this key may not be used from your address");
    }
    usage.record(key.id(), now, address);
    return new KeyCaller(key.userId(), key.id(), key.environment(), key.permissions(), key.orderMode());
  }
}
