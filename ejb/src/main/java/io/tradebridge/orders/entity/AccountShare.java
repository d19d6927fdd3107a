package io.tradebridge.orders.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/**
 * One account's share of what is traded for many: a group's member (units of the group order per
 * unit) or a copy rule's child (units per unit of its master's order).
 */
@Embeddable
public class AccountShare {

  @Column(name = "ACCOUNT", nullable = false, length = 32)
  private String account;

  @Column(name = "MULTIPLIER", nullable = false, precision = 19, scale = 4)
  private BigDecimal multiplier;

  protected AccountShare() {}

  public AccountShare(String account, BigDecimal multiplier) {
    this.account = account;
    this.multiplier = multiplier;
  }

  public String account() {
    return account;
  }

  public BigDecimal multiplier() {
    return multiplier;
  }
}
