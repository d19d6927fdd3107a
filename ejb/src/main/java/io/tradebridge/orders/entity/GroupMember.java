package io.tradebridge.orders.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** One account of a group, and how many of the group order's units it takes per unit. */
@Embeddable
public class GroupMember {

  @Column(name = "ACCOUNT", nullable = false, length = 32)
  private String account;

  @Column(name = "MULTIPLIER", nullable = false, precision = 19, scale = 4)
  private BigDecimal multiplier;

  protected GroupMember() {}

  public GroupMember(String account, BigDecimal multiplier) {
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
