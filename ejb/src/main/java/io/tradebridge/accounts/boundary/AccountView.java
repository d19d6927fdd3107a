package io.tradebridge.accounts.boundary;

import io.tradebridge.accounts.entity.BrokerName;
import io.tradebridge.accounts.entity.TradingAccount;
import io.tradebridge.accounts.entity.ValidationStatus;
import java.math.BigDecimal;
import java.time.Instant;

/** A trading account as lists show it: never its credentials. */
public record AccountView(
    String id,
    String pseudoAccount,
    BrokerName broker,
    String loginId,
    boolean live,
    Instant lastValidatedAt,
    ValidationStatus validationStatus,
    int maxOrderQuantity,
    BigDecimal maxOrderValue) {

  static AccountView of(TradingAccount a) {
    return new AccountView(
        a.id(),
        a.pseudoAccount(),
        a.broker(),
        a.loginId(),
        a.isLive(),
        a.lastValidatedAt(),
        a.validationStatus(),
        a.maxOrderQuantity(),
        a.maxOrderValue());
  }
}
