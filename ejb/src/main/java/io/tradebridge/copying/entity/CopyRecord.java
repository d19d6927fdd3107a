package io.tradebridge.copying.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One line of a copy rule's log: what the copier did to one child for one master order, and how it
 * went. A PLACE line is also how the copier knows a master order was copied to a child already (or
 * refused there), so that no order is copied twice.
 */
@Entity
@Table(name = "TB_COPY_LOG")
@NamedQuery(
    name = CopyRecord.OF_RULE,
    query = "SELECT c FROM CopyRecord c WHERE c.ruleId = :ruleId ORDER BY c.recordedAt DESC")
@NamedQuery(
    name = CopyRecord.PLACED_FOR,
    query =
        "SELECT c FROM CopyRecord c WHERE c.masterOrderId IN :masterIds AND c.action ="
            + " io.tradebridge.copying.entity.CopyAction.PLACE")
public class CopyRecord {

  public static final String OF_RULE = "CopyRecord.ofRule";
  public static final String PLACED_FOR = "CopyRecord.placedFor";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "RULEID", nullable = false, length = 36)
  private String ruleId;

  @Column(nullable = false, length = 36)
  private String masterOrderId;

  @Column(nullable = false, length = 32)
  private String child;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private CopyAction action;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private CopyOutcome outcome;

  /** The child's orders, comma-separated: more than one when split at the freeze quantity. */
  @Column(length = 400)
  private String childOrderIds;

  @Column(length = 255)
  private String message;

  @Column(nullable = false)
  private Instant recordedAt;

  protected CopyRecord() {}

  public CopyRecord(
      String id,
      String ruleId,
      String masterOrderId,
      String child,
      CopyAction action,
      CopyOutcome outcome,
      List<String> childOrderIds,
      String message,
      Instant recordedAt) {
    this.id = id;
    this.ruleId = ruleId;
    this.masterOrderId = masterOrderId;
    this.child = child;
    this.action = action;
    this.outcome = outcome;
    String ids = String.join(",", childOrderIds);
    this.childOrderIds = ids.isEmpty() ? null : ids.length() <= 400 ? ids : ids.substring(0, 400);
    this.message =
        message == null || message.length() <= 255 ? message : message.substring(0, 254) + "…";
    this.recordedAt = recordedAt;
  }

  public String id() {
    return id;
  }

  public String ruleId() {
    return ruleId;
  }

  public String masterOrderId() {
    return masterOrderId;
  }

  public String child() {
    return child;
  }

  public CopyAction action() {
    return action;
  }

  public CopyOutcome outcome() {
    return outcome;
  }

  public List<String> childOrderIds() {
    return childOrderIds == null ? List.of() : Arrays.asList(childOrderIds.split(","));
  }

  public String message() {
    return message;
  }

  public Instant recordedAt() {
    return recordedAt;
  }
}
