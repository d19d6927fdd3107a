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
  private final Map<BrokerName, Boolean> remote = new EnumMap<>(BrokerName.class);

  @PostConstruct
  void index() {
    adapters.forEach(
        adapter -> {
          byName.put(adapter.name(), adapter);
          remote.put(adapter.name(), adapter.remote());
        });
  }

  /**
   * Whether the account's broker sits across a network, answered from memory: asked several times
   * per order, and the paper broker is an enterprise bean, each question a trip through its
   * container (a profile of the order benchmark found them).
   */
  public boolean remote(TradingAccount account) {
    Boolean answer = remote.get(account.broker());
    if (answer == null) {
      throw new IllegalStateException("no adapter deployed for broker " + account.broker());
    }
    return answer;
  }

  public Broker of(TradingAccount account) {
    Broker broker = byName.get(account.broker());
    if (broker == null) {
      throw new IllegalStateException("no adapter deployed for broker " + account.broker());
    }
    return broker;
  }
}
