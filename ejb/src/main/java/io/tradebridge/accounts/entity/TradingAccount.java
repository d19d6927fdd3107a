package io.tradebridge.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/**
 * A broker login behind a pseudo account. Credentials are stored only sealed (AES-GCM, bound to
 * this record); the risk limits are checked before any broker sees an order.
 */
@Entity
@Table(
    name = "TB_TRADING_ACCOUNT",
    uniqueConstraints =
        @UniqueConstraint(
            name = "UQ_PSEUDO_ACCOUNT",
            columnNames = {"USERID", "PSEUDO_KEY"}))
@NamedQuery(
    name = TradingAccount.BY_USER,
    query = "SELECT a FROM TradingAccount a WHERE a.userId = :userId ORDER BY a.createdAt")
@NamedQuery(
    name = TradingAccount.BY_PSEUDO,
    query = "SELECT a FROM TradingAccount a WHERE a.userId = :userId AND a.pseudoKey = :key")
public class TradingAccount implements OfAccount {

  public static final String BY_USER = "TradingAccount.byUser";
  public static final String BY_PSEUDO = "TradingAccount.byPseudo";

  /** A single order may not exceed these unless the trader sets other limits. */
  public static final int DEFAULT_MAX_ORDER_QUANTITY = 100_000;

  public static final BigDecimal DEFAULT_MAX_ORDER_VALUE = new BigDecimal("5000000");

  /** 1 crore rupees of virtual capital for a paper account. */
  public static final BigDecimal DEFAULT_PAPER_CAPITAL = new BigDecimal("10000000");

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "USERID", nullable = false, length = 36)
  private String userId;

  @Column(nullable = false, length = 32)
  private String pseudoAccount;

  /** Upper-cased pseudo account: ACC1 and acc1 are one account. */
  @Column(name = "PSEUDO_KEY", nullable = false, length = 32)
  private String pseudoKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private BrokerName broker;

  @Column(nullable = false, length = 64)
  private String loginId;

  @Column(length = 4000)
  private String sealedCredentials;

  private boolean live;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ValidationStatus validationStatus = ValidationStatus.UNKNOWN;

  private Instant lastValidatedAt;

  private int maxOrderQuantity = DEFAULT_MAX_ORDER_QUANTITY;

  @Column(precision = 19, scale = 2)
  private BigDecimal maxOrderValue = DEFAULT_MAX_ORDER_VALUE;

  @Column(precision = 19, scale = 2)
  private BigDecimal capital;

  @Column(nullable = false)
  private Instant createdAt;

  protected TradingAccount() {}

  public TradingAccount(
      String id,
      String userId,
      String pseudoAccount,
      BrokerName broker,
      String loginId,
      boolean live,
      Instant now) {
    this.id = id;
    this.userId = userId;
    rename(pseudoAccount);
    this.broker = broker;
    this.loginId = loginId;
    this.live = live;
    this.createdAt = now;
    this.capital = broker == BrokerName.PAPER ? DEFAULT_PAPER_CAPITAL : null;
  }

  public static String keyOf(String pseudoAccount) {
    return pseudoAccount.toUpperCase(Locale.ROOT);
  }

  public void rename(String pseudoAccount) {
    this.pseudoAccount = pseudoAccount;
    this.pseudoKey = keyOf(pseudoAccount);
  }

  public void changeLogin(BrokerName broker, String loginId, boolean live) {
    if (this.broker != broker) {
      this.validationStatus = ValidationStatus.UNKNOWN;
      this.lastValidatedAt = null;
      this.capital = broker == BrokerName.PAPER ? DEFAULT_PAPER_CAPITAL : null;
    }
    this.broker = broker;
    this.loginId = loginId;
    this.live = live;
  }

  public void storeCredentials(String sealed) {
    this.sealedCredentials = sealed;
    this.validationStatus = ValidationStatus.UNKNOWN;
  }

  public void validated(ValidationStatus status, Instant when) {
    this.validationStatus = status;
    this.lastValidatedAt = when;
  }

  /**
   * Whether a change touches what keeps this account safe — whether it may trade at all, and its
   * risk limits — which API.md puts behind the step-up. Null means "not given, unchanged".
   */
  public boolean changesSafetyWith(
      Boolean newLive, Integer newMaxOrderQuantity, BigDecimal newMaxOrderValue) {
    return newLive != null && newLive != live
        || newMaxOrderQuantity != null && newMaxOrderQuantity != maxOrderQuantity
        || newMaxOrderValue != null && newMaxOrderValue.compareTo(maxOrderValue) != 0;
  }

  public void limit(Integer maxOrderQuantity, BigDecimal maxOrderValue) {
    if (maxOrderQuantity != null) this.maxOrderQuantity = maxOrderQuantity;
    if (maxOrderValue != null) this.maxOrderValue = maxOrderValue;
  }

  public String id() {
    return id;
  }

  public String userId() {
    return userId;
  }

  public String pseudoAccount() {
    return pseudoAccount;
  }

  public BrokerName broker() {
    return broker;
  }

  public String loginId() {
    return loginId;
  }

  public String sealedCredentials() {
    return sealedCredentials;
  }

  public boolean isLive() {
    return live;
  }

  public ValidationStatus validationStatus() {
    return validationStatus;
  }

  public Instant lastValidatedAt() {
    return lastValidatedAt;
  }

  public int maxOrderQuantity() {
    return maxOrderQuantity;
  }

  public BigDecimal maxOrderValue() {
    return maxOrderValue;
  }

  public BigDecimal capital() {
    return capital;
  }

  @Override
  public String toString() {
    return "TradingAccount[" + pseudoAccount + ", " + broker + "]";
  }

  @Override
  public String changedAccountId() {
    return id;
  }
}
