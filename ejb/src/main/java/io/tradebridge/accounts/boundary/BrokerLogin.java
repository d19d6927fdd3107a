package io.tradebridge.accounts.boundary;

import io.tradebridge.accounts.entity.BrokerName;
import io.tradebridge.accounts.entity.TradingAccount;
import java.util.Map;

/**
 * What the accounts component asks of a broker: whether a login's credentials work. Each broker's
 * adapter (in {@code brokers}) implements it, through the order desk's wider {@code
 * orders.boundary.Broker}; declaring it here lets accounts reach a broker without depending on the
 * component that depends on it.
 */
public interface BrokerLogin {

  BrokerName name();

  /** Asks the broker whether a login's credentials work. */
  ValidationResult validate(TradingAccount account, Map<String, String> credentials);
}
