package io.tradebridge.orders.entity;

import io.tradebridge.common.control.TradebridgeException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * An order (or a change to a working order) from a SEMI_AUTO key, waiting in the action center for
 * a person to approve or reject it.
 */
@Entity
@Table(
    name = "TB_ACTION",
    indexes = @Index(name = "IX_ACTION_USER", columnList = "USERID, CREATEDAT"))
@NamedQuery(
    name = PendingAction.BY_USER,
    query = "SELECT a FROM PendingAction a WHERE a.userId = :userId ORDER BY a.createdAt DESC")
public class PendingAction {

  public static final String BY_USER = "PendingAction.byUser";

  public enum Status {
    PENDING,
    APPROVED,
    REJECTED,
    CANCELLED
  }

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "USERID", nullable = false, length = 36)
  private String userId;

  @Column(length = 36)
  private String keyId;

  /** The order as the key sent it (JSON), placed as it is when a person approves. */
  @Column(name = "ORDERJSON", nullable = false, length = 4000)
  private String orderJson;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Status status = Status.PENDING;

  @Column(length = 36)
  private String orderId;

  /** Set when the action is a change to this working order rather than a new order. */
  @Column(name = "MODIFIES", length = 36)
  private String modifies;

  @Column(length = 255)
  private String reason;

  @Column(name = "CREATEDAT", nullable = false)
  private Instant createdAt;

  private Instant decidedAt;

  @Version private long version;

  protected PendingAction() {}

  public PendingAction(String id, String userId, String keyId, String orderJson, Instant now) {
    this.id = id;
    this.userId = userId;
    this.keyId = keyId;
    this.orderJson = orderJson;
    this.createdAt = now;
  }

  /**
   * A change to a working order, held like a new one: {@code orderJson} is the order as it would
   * become.
   */
  public static PendingAction modification(
      String id, String userId, String keyId, String orderJson, String orderId, Instant now) {
    PendingAction action = new PendingAction(id, userId, keyId, orderJson, now);
    action.modifies = orderId;
    return action;
  }

  public void approved(String orderId, Instant now) {
    requirePending();
    this.status = Status.APPROVED;
    this.orderId = orderId;
    this.decidedAt = now;
  }

  public void rejected(String reason, Instant now) {
    requirePending();
    this.status = Status.REJECTED;
    this.reason = reason;
    this.decidedAt = now;
  }

  public void cancelled(String reason, Instant now) {
    requirePending();
    this.status = Status.CANCELLED;
    this.reason = reason;
    this.decidedAt = now;
  }

  /** An approved change the order could not take: it waits for a person again. */
  public void reopened() {
    this.status = Status.PENDING;
    this.orderId = null;
    this.decidedAt = null;
  }

  private void requirePending() {
    if (status != Status.PENDING) {
      throw TradebridgeException.conflict("this action is already " + status);
    }
  }

  public String id() {
    return id;
  }

  public String userId() {
    return userId;
  }

  public String keyId() {
    return keyId;
  }

  public String orderJson() {
    return orderJson;
  }

  public Status status() {
    return status;
  }

  public String orderId() {
    return orderId;
  }

  public String modifies() {
    return modifies;
  }

  public String reason() {
    return reason;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
