package io.tradebridge.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * The {@code state} a daily broker login carries to the broker and back to our callback (API.md,
 * "Real brokers"): single use, bound to one user's account, 10 minutes. Found by its digest only,
 * so a copy of the table lets nobody finish someone else's login.
 */
@Entity
@Table(name = "TB_BROKER_LOGIN_STATE")
@NamedQuery(
    name = BrokerLoginState.DELETE_OLD,
    query = "DELETE FROM BrokerLoginState s WHERE s.expiresAt < :before")
public class BrokerLoginState {

  public static final String DELETE_OLD = "BrokerLoginState.deleteOld";
  public static final Duration LIFETIME = Duration.ofMinutes(10);

  @Id
  @Column(length = 64)
  private String digest;

  @Column(nullable = false, length = 36)
  private String userId;

  @Column(nullable = false, length = 36)
  private String accountId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private BrokerName broker;

  @Column(nullable = false)
  private Instant expiresAt;

  protected BrokerLoginState() {}

  public BrokerLoginState(String digest, TradingAccount account, Instant now) {
    this.digest = digest;
    this.userId = account.userId();
    this.accountId = account.id();
    this.broker = account.broker();
    this.expiresAt = now.plus(LIFETIME);
  }

  /** Whether this state may finish a login that came back through {@code broker}'s callback. */
  public boolean finishes(BrokerName callbackBroker, Instant now) {
    return broker == callbackBroker && now.isBefore(expiresAt);
  }

  public String userId() {
    return userId;
  }

  public String accountId() {
    return accountId;
  }
}
