package io.tradebridge.orders.control;

import io.tradebridge.access.entity.KeyEnvironment;
import io.tradebridge.accounts.entity.BrokerName;
import io.tradebridge.accounts.entity.TradingAccount;
import io.tradebridge.common.control.TradebridgeException;

/**
 * Whether an account takes orders from this caller at all, before the order itself is looked at: an
 * account switched off takes none (the trader's own brake), and a test key never reaches a real
 * broker, whatever the request names.
 */
public final class AccountAdmission {

  private AccountAdmission() {}

  /**
   * @param keyEnvironment the key's environment, or null for a person's session
   */
  public static void check(TradingAccount account, KeyEnvironment keyEnvironment) {
    if (!account.isLive()) {
      throw TradebridgeException.orderRejected(
          "account " + account.pseudoAccount() + " is not live; turn it on to trade");
    }
    if (keyEnvironment == KeyEnvironment.TEST && account.broker() != BrokerName.PAPER) {
      throw TradebridgeException.forbidden("a tb_test_ key trades only on paper accounts");
    }
  }
}
