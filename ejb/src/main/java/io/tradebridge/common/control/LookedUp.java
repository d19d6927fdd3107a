package io.tradebridge.common.control;

import jakarta.enterprise.inject.spi.CDI;

/**
 * A CDI bean for a class CDI does not inject, such as a JPA entity listener: looked up on first use
 * and then kept (application-scoped beans come as proxies, so keeping one is safe), not looked up
 * again on each of a batch's hundreds of writes.
 */
public final class LookedUp<T> {

  private final Class<T> type;
  private volatile T bean;

  public LookedUp(Class<T> type) {
    this.type = type;
  }

  public T get() {
    T known = bean;
    if (known == null) {
      known = CDI.current().select(type).get();
      bean = known;
    }
    return known;
  }
}
