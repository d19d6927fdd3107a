package io.tradebridge.accounts.boundary;

import io.tradebridge.accounts.entity.BrokerName;
import io.tradebridge.accounts.entity.TradingAccount;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the accounts component asks of a broker: which credentials it needs, whether they work, and
 * its daily login. Each broker's adapter (in {@code brokers}) implements it, through the order
 * desk's wider {@code orders.boundary.Broker}; declaring it here lets accounts reach a broker
 * without depending on the component that depends on it.
 */
public interface BrokerLogin {

  BrokerName name();

  /** The credential fields a trader must give when adding an account at this broker. */
  default List<String> credentialFields() {
    return List.of();
  }

  /** Whether the broker ends its sessions daily, so the trader logs in through our callback. */
  default boolean needsDailyLogin() {
    return false;
  }

  /** Asks the broker whether a login's credentials work. */
  ValidationResult validate(TradingAccount account, Map<String, String> credentials);

  /**
   * The broker's own login page for today's session, set to send the trader's browser back to our
   * callback with {@code state}; empty when the broker needs no daily login.
   */
  default Optional<URI> loginPage(Map<String, String> credentials, String state) {
    return Optional.empty();
  }

  /**
   * Trades what the broker sent to our callback (its query parameters) for a session. Throws a
   * {@code TradebridgeException} the trader can act on when the broker refuses.
   */
  default BrokerSessionToken openSession(
      Map<String, String> credentials, Map<String, String> callback) {
    throw new IllegalStateException(name() + " has no daily login");
  }
}
