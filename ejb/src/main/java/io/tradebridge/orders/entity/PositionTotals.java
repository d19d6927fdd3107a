package io.tradebridge.orders.entity;

import io.tradebridge.accounts.entity.OfAccount;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * What one account bought and sold of one instrument and product on one trading day, kept up to
 * date with every fill. Positions, holdings and margins read these few rows instead of summing
 * every trade, so their cost does not grow with the trade history.
 */
@Entity
@Table(
    name = "TB_POSITION",
    indexes = @Index(name = "IX_POSITION_USER", columnList = "USERID, ACCOUNTID"))
public class PositionTotals implements OfAccount {

  @Id
  @Column(length = 160)
  private String id;

  @Column(name = "USERID", nullable = false, length = 36)
  private String userId;

  @Column(name = "ACCOUNTID", nullable = false, length = 36)
  private String accountId;

  @Column(nullable = false, length = 32)
  private String pseudoAccount;

  @Column(nullable = false, length = 8)
  private String exchange;

  @Column(nullable = false, length = 64)
  private String symbol;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ProductType productType;

  /** The trading day in Indian time, as days since 1970-01-01. */
  private long tradingDay;

  private int buyQuantity;

  @Column(precision = 21, scale = 2)
  private BigDecimal buyValue = BigDecimal.ZERO;

  private int sellQuantity;

  @Column(precision = 21, scale = 2)
  private BigDecimal sellValue = BigDecimal.ZERO;

  protected PositionTotals() {}

  public PositionTotals(Order order, long tradingDay) {
    this.id = idOf(order, tradingDay);
    this.userId = order.userId();
    this.accountId = order.accountId();
    this.pseudoAccount = order.pseudoAccount();
    this.exchange = order.exchange();
    this.symbol = order.symbol();
    this.productType = order.productType();
    this.tradingDay = tradingDay;
  }

  public static String idOf(Order order, long tradingDay) {
    return order.accountId()
        + "|"
        + order.exchange()
        + "|"
        + order.symbol()
        + "|"
        + order.productType()
        + "|"
        + tradingDay;
  }

  public void add(Side side, int quantity, BigDecimal price) {
    BigDecimal value = price.multiply(BigDecimal.valueOf(quantity));
    if (side == Side.BUY) {
      buyQuantity += quantity;
      buyValue = buyValue.add(value);
    } else {
      sellQuantity += quantity;
      sellValue = sellValue.add(value);
    }
  }

  @Override
  public String changedAccountId() {
    return accountId;
  }
}
