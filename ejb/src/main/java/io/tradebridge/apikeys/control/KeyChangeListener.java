package io.tradebridge.apikeys.control;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * On {@code ApiKey} and {@code User}: any write through JPA to either — a revocation, a new secret,
 * changed permissions or allowlist, a disabled owner — makes {@link CheckedKeys} forget what it
 * keeps once the transaction ends. Listening on the entities rather than calling from each service
 * means a new way of changing a key cannot forget to. The one bulk update of keys (last-used time)
 * bypasses listeners on purpose: no check depends on it.
 */
public class KeyChangeListener {

  @PostPersist
  @PostUpdate
  @PostRemove
  void written(Object entity) {
    CDI.current().select(CheckedKeys.class).get().changing();
  }
}
