package io.tradebridge.twofactor.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A user's authenticator: the TOTP secret (sealed with AES-GCM, never stored plain), which steps
 * ask for a code, and the last accepted time step that makes every code single-use.
 */
@Entity
@Table(name = "TB_TOTP")
public class TotpEnrollment {

  @Id
  @Column(length = 36)
  private String userId;

  /** The active secret, sealed; null until activation. */
  @Column(length = 200)
  private String sealedSecret;

  /** A secret from setup that has not been confirmed with a code yet, sealed. */
  @Column(length = 200)
  private String sealedPendingSecret;

  private boolean active;
  private boolean loginRequired;
  private boolean credentialsRequired;
  private long lastAcceptedStep = Long.MIN_VALUE;

  @Version private long version;

  protected TotpEnrollment() {}

  public TotpEnrollment(String userId) {
    this.userId = userId;
  }

  public void startSetup(String sealedPendingSecret) {
    this.sealedPendingSecret = sealedPendingSecret;
  }

  public void activate(boolean login, boolean credentials, long acceptedStep) {
    this.sealedSecret = sealedPendingSecret;
    this.sealedPendingSecret = null;
    this.active = true;
    choose(login, credentials);
    this.lastAcceptedStep = acceptedStep;
  }

  public void choose(boolean login, boolean credentials) {
    this.loginRequired = login;
    this.credentialsRequired = credentials;
  }

  public void disable() {
    this.sealedSecret = null;
    this.sealedPendingSecret = null;
    this.active = false;
    this.loginRequired = false;
    this.credentialsRequired = false;
  }

  /** Remembers a step just accepted, so it and every earlier step are refused from now on. */
  public void accepted(long step) {
    this.lastAcceptedStep = Math.max(lastAcceptedStep, step);
  }

  public String userId() {
    return userId;
  }

  public String sealedSecret() {
    return sealedSecret;
  }

  public String sealedPendingSecret() {
    return sealedPendingSecret;
  }

  public boolean isActive() {
    return active;
  }

  public boolean loginRequired() {
    return active && loginRequired;
  }

  public boolean credentialsRequired() {
    return active && credentialsRequired;
  }

  public long lastAcceptedStep() {
    return lastAcceptedStep;
  }

  @Override
  public String toString() {
    return "TotpEnrollment[" + userId + ", active=" + active + "]";
  }
}
