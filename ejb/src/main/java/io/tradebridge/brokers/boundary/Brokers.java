package io.tradebridge.brokers.boundary;

import io.tradebridge.accounts.entity.TradingAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Finds the adapter for an account's broker. The switch covers every {@link
 * io.tradebridge.accounts.control.BrokerName}, so adding a broker without its adapter does not compile.
 */
@ApplicationScoped
public class Brokers {

  @Inject PaperBroker paper;

  public Broker of(TradingAccount account) {
    return switch (account.broker()) {
      case PAPER -> paper;
    };
  }
}
