package io.tradebridge.brokers.boundary;

import io.tradebridge.accounts.boundary.BrokerSessions;
import io.tradebridge.accounts.entity.TradingAccount;
import io.tradebridge.protection.boundary.SecurityEvents;
import io.tradebridge.protection.entity.SecurityEventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A remote broker said an account's session ended: the account turns LOGIN_REQUIRED and the trader
 * hears of it (a security event, and an e-mail when SMTP is set) — the same for every broker.
 */
@ApplicationScoped
public class BrokerSessionEnded {

  @Inject BrokerSessions sessions;
  @Inject SecurityEvents events;

  public void of(TradingAccount account, String broker) {
    sessions.ended(account.id());
    events.recordFrom(
        account.userId(),
        SecurityEventType.BROKER_LOGIN_REQUIRED,
        null,
        null,
        broker + " ended the session of account " + account.pseudoAccount());
  }
}
