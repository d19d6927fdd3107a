package io.tradebridge.accounts.boundary;

import io.tradebridge.accounts.entity.BrokerName;
import io.tradebridge.accounts.entity.TradingAccount;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;

/** Finds the login check of an account's broker among the adapters deployed. */
@ApplicationScoped
public class BrokerLogins {

  @Inject @Any Instance<BrokerLogin> adapters;

  private final Map<BrokerName, BrokerLogin> byName = new EnumMap<>(BrokerName.class);

  @PostConstruct
  void index() {
    adapters.forEach(adapter -> byName.put(adapter.name(), adapter));
  }

  public BrokerLogin of(TradingAccount account) {
    return of(account.broker());
  }

  public BrokerLogin of(BrokerName broker) {
    BrokerLogin login = byName.get(broker);
    if (login == null) {
      throw new IllegalStateException("no adapter deployed for broker " + broker);
    }
    return login;
  }
}
