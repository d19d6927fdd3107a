package io.tradebridge.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Today's session at a broker for one trading account: the access token, sealed like the account's
 * credentials (bound to this account), and when the broker ends it. Replaced by each new login.
 */
@Entity
@Table(name = "TB_BROKER_SESSION")
public class BrokerSession {

  @Id
  @Column(length = 36)
  private String accountId;

  @Column(nullable = false, length = 2048)
  private String sealedAccessToken;

  @Column(length = 64)
  private String brokerUserId;

  @Column(nullable = false)
  private Instant startedAt;

  @Column(nullable = false)
  private Instant expiresAt;

  protected BrokerSession() {}

  public BrokerSession(String accountId) {
    this.accountId = accountId;
  }

  public void renew(String sealedAccessToken, String brokerUserId, Instant now, Instant expiresAt) {
    this.sealedAccessToken = sealedAccessToken;
    this.brokerUserId = brokerUserId;
    this.startedAt = now;
    this.expiresAt = expiresAt;
  }

  /** The broker said the session ended before its time (a log-out elsewhere, a revoked app). */
  public void ended(Instant now) {
    if (expiresAt.isAfter(now)) {
      expiresAt = now;
    }
  }

  public boolean activeAt(Instant now) {
    return now.isBefore(expiresAt);
  }

  public String accountId() {
    return accountId;
  }

  public String sealedAccessToken() {
    return sealedAccessToken;
  }

  public String brokerUserId() {
    return brokerUserId;
  }

  public Instant expiresAt() {
    return expiresAt;
  }
}
