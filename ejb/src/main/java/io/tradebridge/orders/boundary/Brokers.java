package io.tradebridge.orders.boundary;

import io.tradebridge.accounts.entity.BrokerName;
import io.tradebridge.accounts.entity.TradingAccount;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;

/**
 * Finds the adapter for an account's broker among the {@link Broker}s deployed (each in {@code
 * brokers}, which depends on orders, not the other way round). {@code BrokersTest} proves every
 * {@link BrokerName} has one.
 */
@ApplicationScoped
public class Brokers {

  @Inject @Any Instance<Broker> adapters;

  private final Map<BrokerName, Broker> byName = new EnumMap<>(BrokerName.class);

  @PostConstruct
  void index() {
    adapters.forEach(adapter -> byName.put(adapter.name(), adapter));
  }

  public Broker of(TradingAccount account) {
    Broker broker = byName.get(account.broker());
    if (broker == null) {
      throw new IllegalStateException("no adapter deployed for broker " + account.broker());
    }
    return broker;
  }
}
