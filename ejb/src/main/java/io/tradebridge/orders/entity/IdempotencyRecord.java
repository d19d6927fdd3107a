package io.tradebridge.orders.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A client order id (or Idempotency-Key) already used by a user, the fingerprint of the request it
 * came with, and the answer it got. Written in the same transaction as the order, so after a crash
 * either both exist or neither: a retry then places the order once.
 */
@Entity
@Table(name = "TB_IDEMPOTENCY")
public class IdempotencyRecord {

  /** userId + ":" + key: one primary key, so two racing requests cannot both insert. */
  @Id
  @Column(length = 120)
  private String id;

  @Column(nullable = false, length = 64)
  private String fingerprint;

  private int status;

  @Column(length = 36)
  private String orderId;

  @Column(length = 36)
  private String actionId;

  @Column(nullable = false)
  private Instant createdAt;

  protected IdempotencyRecord() {}

  public IdempotencyRecord(String userId, String key, String fingerprint, Instant now) {
    this.id = idOf(userId, key);
    this.fingerprint = fingerprint;
    this.createdAt = now;
  }

  public static String idOf(String userId, String key) {
    return userId + ":" + key;
  }

  public void answered(int status, String orderId, String actionId) {
    this.status = status;
    this.orderId = orderId;
    this.actionId = actionId;
  }

  public String id() {
    return id;
  }

  public String fingerprint() {
    return fingerprint;
  }

  public int status() {
    return status;
  }

  public String orderId() {
    return orderId;
  }

  public String actionId() {
    return actionId;
  }
}
