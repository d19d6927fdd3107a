package io.tradebridge.orders.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** One fill. Positions, P&L and holdings are all sums over trades. */
@Entity
@Table(
    name = "TB_TRADE",
    indexes = @Index(name = "IX_TRADE_USER", columnList = "USERID, TRADETIME"))
@NamedQuery(
    name = Trade.BY_USER,
    query = "SELECT t FROM Trade t WHERE t.userId = :userId ORDER BY t.time DESC")
public class Trade {

  public static final String BY_USER = "Trade.byUser";

  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false, length = 36)
  private String orderId;

  @Column(name = "USERID", nullable = false, length = 36)
  private String userId;

  @Column(nullable = false, length = 36)
  private String accountId;

  @Column(nullable = false, length = 32)
  private String pseudoAccount;

  @Column(nullable = false, length = 8)
  private String exchange;

  @Column(nullable = false, length = 64)
  private String symbol;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private Side side;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ProductType productType;

  private int quantity;

  @Column(precision = 19, scale = 2)
  private BigDecimal price;

  @Column(name = "TRADETIME", nullable = false)
  private Instant time;

  protected Trade() {}

  public Trade(String id, Order order, int quantity, BigDecimal price, Instant time) {
    this.id = id;
    this.orderId = order.id();
    this.userId = order.userId();
    this.accountId = order.accountId();
    this.pseudoAccount = order.pseudoAccount();
    this.exchange = order.exchange();
    this.symbol = order.symbol();
    this.side = order.side();
    this.productType = order.productType();
    this.quantity = quantity;
    this.price = price;
    this.time = time;
  }

  public String id() {
    return id;
  }

  public String orderId() {
    return orderId;
  }

  public String accountId() {
    return accountId;
  }

  public String pseudoAccount() {
    return pseudoAccount;
  }

  public String exchange() {
    return exchange;
  }

  public String symbol() {
    return symbol;
  }

  public Side side() {
    return side;
  }

  public ProductType productType() {
    return productType;
  }

  public int quantity() {
    return quantity;
  }

  public BigDecimal price() {
    return price;
  }

  public Instant time() {
    return time;
  }
}
