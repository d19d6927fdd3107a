package io.tradebridge.accounts.boundary;

import io.tradebridge.accounts.entity.BrokerName;
import java.math.BigDecimal;
import java.util.Map;

/**
 * POST and PUT /api/v1/trading-accounts. {@code password} (and {@code totpCode} with credentials
 * 2FA) is needed whenever {@code credentials} are given: storing a broker login is touching
 * credentials. {@code maxOrderQuantity} and {@code maxOrderValue} are the account's risk limits
 * (optional).
 */
public record AccountRequest(
    String pseudoAccount,
    BrokerName broker,
    String loginId,
    Map<String, String> credentials,
    Boolean live,
    Integer maxOrderQuantity,
    BigDecimal maxOrderValue,
    String password,
    String totpCode) {

  @Override
  public String toString() {
    return "AccountRequest[" + pseudoAccount + ", " + broker + "]";
  }
}
