package io.tradebridge.copying.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** One child account of a copy rule, and how many units it trades per unit of its master. */
@Embeddable
public class CopyChild {

  @Column(name = "ACCOUNT", nullable = false, length = 32)
  private String account;

  @Column(name = "MULTIPLIER", nullable = false, precision = 19, scale = 4)
  private BigDecimal multiplier;

  protected CopyChild() {}

  public CopyChild(String account, BigDecimal multiplier) {
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
